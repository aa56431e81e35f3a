import ErrataCore
import ErrataServer
import ErrataStore
import Hummingbird
import HummingbirdTesting
import Testing

/// `admin.discardDraft` with a text's code, locale and field drops that edit only, over a live server on real SQLite.
@Suite struct DiscardOneEditTests {
    static func call(_ client: some TestClientProtocol, _ method: String, _ params: JSONValue = [:], token: String?) async throws -> JSONValue {
        try await AdminConsoleRPCTests.call(client, method, params, token: token)
    }

    static func edit(_ client: some TestClientProtocol, _ text: JSONValue, to value: String, token: String) async throws {
        let version = try await call(client, "admin.getText", text, token: token)["result"]?["version"]
        let answer = try await call(client, "admin.setText", AdminConsoleRPCTests.merging(text, ["text": .string(value), "expectedVersion": version ?? .null]), token: token)
        #expect(answer["error"] == nil)
    }

    /// The draft's pending edits as `code/locale/field`.
    static func pending(_ client: some TestClientProtocol, token: String) async throws -> Set<String> {
        guard case .array(let changes)? = try await call(client, "admin.draft", token: token)["result"]?["changes"] else { return [] }
        return Set(changes.compactMap { change in
            guard case .string(let code)? = change["code"], case .string(let locale)? = change["locale"], case .string(let field)? = change["field"] else {
                return nil
            }
            return "\(code)/\(locale)/\(field)"
        })
    }

    @Test func discardingASourceEditDropsItAndTheReviewMarksItCausedOnly() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "pat", scope: .publish)
        try await service.test(.live) { client in
            try await Self.edit(client, AdminReviewRPCTests.englishRemediation, to: "Check the key, then list the bucket.", token: token)
            try await Self.edit(client, ["code": "SlowDown", "locale": "zh-Hans", "field": "message"], to: "请求过快，请稍后再试。", token: token)
            #expect(try await Self.pending(client, token: token) == [
                "NoSuchKey/en/remediation", "NoSuchKey/ja/remediation", "NoSuchKey/ko/remediation", "NoSuchKey/zh-Hans/remediation",
                "NoSuchKey/zh-Hant/remediation", "SlowDown/zh-Hans/message",
            ])

            let answer = try await Self.call(client, "admin.discardDraft", AdminReviewRPCTests.englishRemediation, token: token)
            #expect(answer["result"] == ["discarded": 5])
            #expect(try await Self.pending(client, token: token) == ["SlowDown/zh-Hans/message"])
            // The translations are as published again: translated, not up for review.
            let hans = try await Self.call(client, "admin.getText", AdminReviewRPCTests.hansRemediation, token: token)
            #expect(hans["result"]?["state"] == "translated" && hans["result"]?["pending"] == false)

            let translation = try await Self.call(client, "admin.discardDraft", ["code": "SlowDown", "locale": "zh-Hans", "field": "message"], token: token)
            #expect(translation["result"] == ["discarded": 1])
            #expect(try await Self.pending(client, token: token).isEmpty)
            // A text without a pending edit: nothing to drop, and no error.
            let none = try await Self.call(client, "admin.discardDraft", ["code": "SlowDown", "locale": "zh-Hans", "field": "message"], token: token)
            #expect(none["result"] == ["discarded": 0])
        }
    }

    @Test func aPartialTextOrAnUnknownCodeIsRefusedAndDropsNothing() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "pat", scope: .publish)
        try await service.test(.live) { client in
            try await Self.edit(client, AdminReviewRPCTests.hansRemediation, to: "检查对象键。", token: token)
            let partial = try await Self.call(client, "admin.discardDraft", ["code": "NoSuchKey"], token: token)
            #expect(partial["error"]?["code"] == -32602)
            #expect(partial["error"]?["data"]?["field"] == "locale")
            // Params given at all name one text: a null (named or by position) is not "no params".
            for params: JSONValue in [["code": .null], [.null]] {
                let nulls = try await Self.call(client, "admin.discardDraft", params, token: token)
                #expect(nulls["error"]?["code"] == -32602)
                #expect(nulls["error"]?["data"]?["field"] == "code")
            }
            let unknown = try await Self.call(client, "admin.discardDraft", ["code": "NoSuchKee", "locale": "en", "field": "message"], token: token)
            #expect(unknown["error"]?["data"]?["reason"] == "UnknownCode")
            #expect(try await Self.pending(client, token: token) == ["NoSuchKey/zh-Hans/remediation"])
        }
    }

    @Test func anEditTokenCannotDiscardEvenOneEdit() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "erin", scope: .edit)
        try await service.test(.live) { client in
            let answer = try await Self.call(client, "admin.discardDraft", AdminReviewRPCTests.hansRemediation, token: token)
            #expect(answer["error"]?["data"]?["reason"] == "Forbidden")
        }
    }
}
