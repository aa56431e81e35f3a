import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The JSON-RPC methods an admin console is built on, against a live server on real SQLite.
@Suite struct AdminConsoleRPCTests {
    /// Calls `method` with `params` as the token `token`, and answers the response body.
    static func call(_ client: some TestClientProtocol, _ method: String, _ params: JSONValue = [:], token: String?) async throws -> JSONValue {
        let body = CanonicalJSON.encode(JSONValue.object(["jsonrpc": "2.0", "method": .string(method), "params": params, "id": 1]))
        let headers: HTTPFields = token.map { [.authorization: "Bearer \($0)"] } ?? [:]
        return try await client.rpc(String(decoding: body, as: UTF8.self), headers: headers).json()
    }

    static let englishRemediation: JSONValue = ["code": "NoSuchKey", "locale": "en", "field": "remediation"]

    static func merging(_ base: JSONValue, _ extra: JSONValue) -> JSONValue {
        guard case .object(var members) = base, case .object(let more) = extra else { return base }
        for (key, value) in more { members[key] = value }
        return .object(members)
    }

    // MARK: - Who am I

    @Test func whoamiAnswersTheTokensNameAndScopeButNeverTheToken() async throws {
        let service = try await TestService()
        let edit = try await service.store.createToken(name: "erin", scope: .edit)
        let read = try await service.store.createToken(name: "reader", scope: .read)
        try await service.test(.live) { client in
            let answer = try await Self.call(client, "session.whoami", token: edit)
            #expect(answer["result"] == ["name": "erin", "scope": "edit", "allows": ["read": true, "edit": true, "publish": false, "admin": false]])
            #expect(!String(decoding: CanonicalJSON.encode(answer), as: UTF8.self).contains(edit))
            // A read token is somebody too, even while reads need no token.
            #expect(try await Self.call(client, "session.whoami", token: read)["result"]?["scope"] == "read")
            for token in [nil, "not-a-token"] {
                let refused = try await Self.call(client, "session.whoami", token: token)
                #expect(refused["error"]?["code"] == -32001)
                #expect(refused["error"]?["data"]?["reason"] == "Unauthorized")
            }
            #expect(try await Self.call(client, "session.whoami", ["extra": 1], token: edit)["error"]?["code"] == -32602)
        }
    }

    // MARK: - Dry-run validation

    @Test func validationAnswersWhatSetTextThenAnswers() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "erin", scope: .edit)
        let tooLarge: JSONValue = ["code": "EntityTooLarge", "locale": "zh-Hans", "field": "remediation"]
        let cases: [(key: JSONValue, text: String, reasons: [String], missing: [String]?, unknown: [String]?)] = [
            (tooLarge, "单次上传最大为 {maxObjectSize}。", [], nil, nil),
            (tooLarge, "单次上传最大为 {maxPartSize}。", ["PlaceholderMismatch"], ["maxObjectSize"], ["maxPartSize"]),
            (tooLarge, "太大了。", ["PlaceholderMismatch"], ["maxObjectSize"], []),
            (tooLarge, " {maxObjectSize} {maxObjectSize}", ["Untrimmed", "PlaceholderMismatch"], [], ["maxObjectSize"]),
            (Self.englishRemediation, "", ["Empty"], nil, nil),
            (Self.englishRemediation, "List the {bucket}.", ["UndeclaredPlaceholder"], nil, ["bucket"]),
        ]
        try await service.test(.live) { client in
            for (key, text, reasons, missing, unknown) in cases {
                let verdict = try #require(try await Self.call(client, "admin.validateText", Self.merging(key, ["text": .string(text)]), token: token)["result"])
                #expect(verdict["valid"] == .bool(reasons.isEmpty), "\(text)")
                #expect(verdict["field"] == "remediation")
                #expect(verdict["length"] == .integer(Int64(text.count)))
                #expect(verdict["problems"].map(Self.reasons) == reasons, "\(text)")
                let placeholderProblem = verdict["problems"]?[reasons.count - 1]
                if let missing { #expect(placeholderProblem?["missing"] == .array(missing.map(JSONValue.string)), "\(text)") }
                if let unknown { #expect(placeholderProblem?["unknown"] == .array(unknown.map(JSONValue.string)), "\(text)") }

                // setText answers the same verdict: the same problems, word for word, or success.
                let current = try #require(try await Self.call(client, "admin.getText", key, token: token)["result"]?["version"])
                let edit = try await Self.call(client, "admin.setText", Self.merging(key, ["text": .string(text), "expectedVersion": current]), token: token)
                if reasons.isEmpty {
                    #expect(edit["result"]?["text"] == .string(text))
                } else {
                    #expect(edit["error"]?["data"]?["reason"] == "InvalidParams")
                    #expect(edit["error"]?["data"]?["field"] == "text")
                    #expect(edit["error"]?["data"]?["problems"] == .array(Self.details(verdict["problems"])), "\(text)")
                }
            }
        }
    }

    @Test func validationNeverTouchesTheDraftAndNeedsAnEditToken() async throws {
        let service = try await TestService()
        let edit = try await service.store.createToken(name: "erin", scope: .edit)
        let read = try await service.store.createToken(name: "reader", scope: .read)
        try await service.test(.live) { client in
            let params = Self.merging(Self.englishRemediation, ["text": "A valid new text."])
            #expect(try await Self.call(client, "admin.validateText", params, token: edit)["result"]?["valid"] == true)
            #expect(try await Self.call(client, "admin.draft", token: edit)["result"]?["changes"] == [])
            #expect(try await Self.call(client, "admin.getText", Self.englishRemediation, token: edit)["result"]?["version"] == 1)

            #expect(try await Self.call(client, "admin.validateText", params, token: read)["error"]?["code"] == -32003)
            #expect(try await Self.call(client, "admin.validateText", params, token: nil)["error"]?["code"] == -32001)
            let unknown = try await Self.call(client, "admin.validateText", ["code": "Nope", "locale": "en", "field": "message", "text": "x"], token: edit)
            #expect(unknown["error"]?["data"]?["reason"] == "UnknownCode")
            let tooLong = Self.merging(Self.englishRemediation, ["text": .string(String(repeating: "a", count: TextRules.maximumLength + 1))])
            #expect(try await Self.call(client, "admin.validateText", tooLong, token: edit)["error"]?["data"]?["field"] == "text")
        }
    }

    // MARK: - Scopes

    @Test func everyConsoleMethodNeedsItsScopeBeforeItsParams() async throws {
        let service = try await TestService()
        let tokens = [
            TokenScope.read: try await service.store.createToken(name: "reader", scope: .read),
            .edit: try await service.store.createToken(name: "erin", scope: .edit),
            .publish: try await service.store.createToken(name: "pat", scope: .publish),
        ]
        let review = Self.merging(Self.englishRemediation, ["state": "translated", "expectedVersion": 1])
        let calls: [(method: String, params: JSONValue, scope: TokenScope)] = [
            ("admin.overview", [:], .edit),
            ("admin.validateText", Self.merging(Self.englishRemediation, ["text": "x"]), .edit),
            ("admin.setReviewState", review, .edit),
            ("admin.publish", ["note": "x"], .publish),
            ("admin.history", ["author": "erin"], .admin),
        ]
        try await service.test(.live) { client in
            for (method, params, needed) in calls {
                #expect(try await Self.call(client, method, params, token: nil)["error"]?["code"] == -32001, "\(method)")
                // A scope too small is refused before the params are read, even when they are wrong.
                for (scope, token) in tokens where !scope.includes(needed) {
                    let refused = try await Self.call(client, method, Self.merging(params, ["unknown": 1]), token: token)
                    #expect(refused["error"]?["code"] == -32003, "\(method) with \(scope)")
                    #expect(refused["error"]?["data"]?["reason"] == "Forbidden", "\(method) with \(scope)")
                }
            }
            #expect(try await Self.call(client, "session.whoami", token: tokens[.read])["result"]?["allows"]?["edit"] == false)
        }
    }

    static func reasons(_ problems: JSONValue) -> [String] {
        guard case .array(let items) = problems else { return [] }
        return items.compactMap { if case .string(let reason)? = $0["reason"] { reason } else { nil } }
    }

    static func details(_ problems: JSONValue?) -> [JSONValue] {
        guard case .array(let items)? = problems else { return [] }
        return items.compactMap { $0["detail"] }
    }
}
