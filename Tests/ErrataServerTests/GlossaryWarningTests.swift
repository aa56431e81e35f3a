import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Glossary warnings in the admin answers: a text with an avoided variant is saved, and the answers say why it may be wrong.
@Suite struct GlossaryWarningTests {
    /// `物件鍵` is what the shipped glossary says to avoid for object-key in zh-Hant (the term is `物件索引鍵`).
    static let params = #"{"code":"NoSuchKey","locale":"zh-Hant","field":"message","text":"找不到指定的物件鍵。","expectedVersion":1}"#
    static let expected: JSONValue = [
        "kind": "AvoidedVariant", "found": "物件鍵", "offset": 6, "concept": "object-key", "suggestion": "物件索引鍵",
        "message": "“物件鍵” at 6 is a variant to avoid for object-key; the glossary says “物件索引鍵”",
    ]

    @Test func setTextSavesAnAvoidedVariantAndWarnsAboutItAsTheDraftDoes() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "alice", scope: .edit)
        try await service.test { client in
            let edit = try await client.rpc(AdminRPCTests.call("admin.setText", Self.params), headers: AdminRPCTests.bearer(token)).json()
            #expect(edit["result"]?["pending"] == true)
            #expect(edit["result"]?["warnings"] == [Self.expected])
            let draft = try await client.rpc(AdminRPCTests.call("admin.draft", "{}"), headers: AdminRPCTests.bearer(token)).json()
            #expect(draft["result"]?["changes"]?[0]?["text"] == "找不到指定的物件鍵。")
            #expect(draft["result"]?["changes"]?[0]?["warnings"] == [Self.expected])
        }
    }

    @Test func aTextWithoutWarningsAnswersAnEmptyList() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "alice", scope: .edit)
        try await service.test { client in
            let params = #"{"code":"NoSuchKey","locale":"zh-Hant","field":"message","text":"找不到指定的物件。","expectedVersion":1}"#
            let edit = try await client.rpc(AdminRPCTests.call("admin.setText", params), headers: AdminRPCTests.bearer(token)).json()
            #expect(edit["result"]?["warnings"] == [])
        }
    }

    @Test func theRESTTwinsAnswerTheSameWarnings() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "alice", scope: .edit)
        let path = "/v1/admin/errors/NoSuchKey/texts/zh-Hans/message"
        let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json", .ifMatch: "\"t1\""]
        // 檔 is Traditional-only; `,` sits between Chinese characters.
        let body = ByteBuffer(string: #"{"text":"找不到指定的檔,请检查。"}"#)
        try await service.test { client in
            let verdict = try await client.execute(uri: path + "/validation", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .ok)
                return try response.json()
            }
            #expect(verdict["warnings"]?[0]?["kind"] == "TraditionalCharacter")
            #expect(verdict["warnings"]?[1]?["kind"] == "HalfWidthPunctuation")
            #expect(verdict["warnings"]?[2] == nil)
            #expect(verdict["valid"] == true)
            let saved = try await client.execute(uri: path, method: .put, headers: headers, body: body) { response in
                #expect(response.status == .ok)
                return try response.json()
            }
            #expect(saved["warnings"] == verdict["warnings"])
            let draft = try await client.execute(uri: "/v1/admin/draft", method: .get, headers: headers) { try $0.json() }
            #expect(draft["changes"]?[0]?["warnings"] == verdict["warnings"])
        }
    }
}
