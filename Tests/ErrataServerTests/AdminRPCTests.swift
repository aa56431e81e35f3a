import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct AdminRPCTests {
    static func call(_ method: String, _ params: String, id: Int = 1) -> String {
        #"{"jsonrpc":"2.0","method":"\#(method)","params":\#(params),"id":\#(id)}"#
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

    @Test func editPublishAndReadBack() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "alice", scope: .publish)
        try await service.test { client in
            let read = try await client.rpc(Self.call("admin.getText", #"{"code":"NoSuchKey","locale":"en","field":"remediation"}"#), headers: Self.bearer(token)).json()
            #expect(read["result"]?["version"] == 1)
            let edit = try await client.rpc(
                Self.call("admin.setText", #"{"code":"NoSuchKey","locale":"en","field":"remediation","text":"Check the key, then list the bucket.","expectedVersion":1}"#),
                headers: Self.bearer(token)
            ).json()
            #expect(edit["result"]?["pending"] == true)
            // Readers still see revision 1 until the draft is published.
            let before = try await client.rpc(Self.call("errors.describe", #"{"code":"NoSuchKey"}"#)).json()
            #expect(before["result"]?["revision"] == 1)
            let draft = try await client.rpc(Self.call("admin.draft", "{}"), headers: Self.bearer(token)).json()
            #expect(draft["result"]?["changes"]?[0]?["text"] == "Check the key, then list the bucket.")
            #expect(draft["result"]?["changes"]?[0]?["author"] == "alice")

            let published = try await client.rpc(Self.call("admin.publish", #"{"note":"clearer steps"}"#), headers: Self.bearer(token)).json()
            #expect(published["result"]?["revision"] == 2)
            let after = try await client.rpc(Self.call("errors.describe", #"{"code":"NoSuchKey","locale":"en"}"#)).json()
            #expect(after["result"]?["revision"] == 2)
            #expect(after["result"]?["remediation"] == "Check the key, then list the bucket.")
            let changes = try await client.rpc(Self.call("catalog.changes", #"{"since":1}"#)).json()
            #expect(changes["result"]?["changes"]?[0]?["text"] == "Check the key, then list the bucket.")
            #expect(changes["result"]?["toRevision"] == 2)
        }
    }

    /// A batch's reads answer from one revision, the one served at its first read, as a REST response
    /// does: a publish in the batch is seen only by the reads when none came before it.
    @Test func aBatchReadsTheRevisionServedAtItsFirstRead() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "alice", scope: .publish)
        try await service.test { client in
            let describe = { (id: Int) in Self.call("errors.describe", #"{"code":"NoSuchKey","locale":"en"}"#, id: id) }
            let edit = { (text: String, version: Int, id: Int) in
                Self.call("admin.setText", #"{"code":"NoSuchKey","locale":"en","field":"remediation","text":"\#(text)","expectedVersion":\#(version)}"#, id: id)
            }
            let publish = { (id: Int) in Self.call("admin.publish", #"{"note":"batch"}"#, id: id) }

            let readFirst = try await client.rpc("[\(describe(1)),\(edit("Check the key.", 1, 2)),\(publish(3)),\(describe(4))]", headers: Self.bearer(token)).json()
            #expect(readFirst[2]?["result"]?["revision"] == 2)
            #expect(readFirst[0]?["result"]?["revision"] == 1 && readFirst[3]?["result"]?["revision"] == 1)
            #expect(readFirst[0]?["result"]?["remediation"] == readFirst[3]?["result"]?["remediation"])

            let publishFirst = try await client.rpc("[\(edit("List the bucket.", 2, 1)),\(publish(2)),\(describe(3)),\(describe(4))]", headers: Self.bearer(token)).json()
            #expect(publishFirst[1]?["result"]?["revision"] == 3)
            #expect(publishFirst[2]?["result"]?["revision"] == 3 && publishFirst[3]?["result"]?["revision"] == 3)
            #expect(publishFirst[3]?["result"]?["remediation"] == "List the bucket.")
        }
    }

    @Test func staleEditsConflictWithTheCurrentText() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "alice", scope: .edit)
        try await service.test { client in
            let set = Self.call("admin.setText", #"{"code":"SlowDown","locale":"zh-Hant","field":"message","text":"請求過於頻繁。","expectedVersion":1}"#)
            #expect(try await client.rpc(set, headers: Self.bearer(token)).json()["result"]?["pending"] == true)
            let again = try await client.rpc(set, headers: Self.bearer(token)).json()
            #expect(again["error"]?["code"] == -32009)
            #expect(again["error"]?["data"]?["reason"] == "Conflict")
            #expect(again["error"]?["data"]?["current"]?["text"] == "請求過於頻繁。")
        }
    }

    @Test func invalidEditsNameTheField() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "alice", scope: .edit)
        try await service.test { client in
            // Malformed params are -32602; a well-formed one naming what the catalog lacks is -32004.
            for (params, code, field, reason) in [
                (#"{"code":"EntityTooLarge","locale":"zh-Hans","field":"remediation","text":"太大了。","expectedVersion":1}"#, -32602, "text", "InvalidParams"),
                (#"{"code":"NoSuchKey","locale":"fr","field":"message","text":"Non.","expectedVersion":1}"#, -32004, "locale", "UnknownLocale"),
                (#"{"code":"NoSuchKey","locale":"not a tag","field":"message","text":"x","expectedVersion":1}"#, -32602, "locale", "InvalidParams"),
                (#"{"code":"Nope","locale":"en","field":"message","text":"x","expectedVersion":1}"#, -32004, "code", "UnknownCode"),
                (#"{"code":"NoSuchKey","variant":"acl","locale":"en","field":"message","text":"x","expectedVersion":1}"#, -32004, "variant", "UnknownVariant"),
                (#"{"code":"NoSuchKey","locale":"en","field":"title","text":"x","expectedVersion":1}"#, -32602, "field", "InvalidParams"),
                (#"{"code":"NoSuchKey","locale":"en","field":"message","text":"x"}"#, -32602, "expectedVersion", "InvalidParams"),
            ] {
                let answer = try await client.rpc(Self.call("admin.setText", params), headers: Self.bearer(token)).json()
                #expect(answer["error"]?["code"] == .integer(Int64(code)), "\(params)")
                #expect(answer["error"]?["data"]?["field"] == .string(field), "\(params)")
                #expect(answer["error"]?["data"]?["reason"] == .string(reason), "\(params)")
            }
        }
    }

    @Test func everyCallInABatchIsAuthorizedOnItsOwn() async throws {
        let service = try await TestService()
        let editor = try await service.store.createToken(name: "editor", scope: .edit)
        try await service.test { client in
            let batch = "[" + [
                Self.call("admin.draft", "{}", id: 1),
                Self.call("admin.publish", #"{"note":"x"}"#, id: 2),
                Self.call("admin.history", "{}", id: 3),
                Self.call("errors.describe", #"{"code":"NoSuchKey"}"#, id: 4),
            ].joined(separator: ",") + "]"
            let answers = try await client.rpc(batch, headers: Self.bearer(editor)).json()
            #expect(answers[0]?["result"]?["changes"] == [])
            #expect(answers[1]?["error"]?["code"] == -32003)
            #expect(answers[1]?["error"]?["data"]?["reason"] == "Forbidden")
            #expect(answers[2]?["error"]?["code"] == -32003)
            #expect(answers[3]?["result"]?["code"] == "NoSuchKey")

            let anonymous = try await client.rpc(Self.call("admin.draft", "{}")).json()
            #expect(anonymous["error"]?["code"] == -32001)
            let wrongScheme = try await client.rpc(Self.call("admin.draft", "{}"), headers: [.authorization: "Basic \(editor)"]).json()
            #expect(wrongScheme["error"]?["code"] == -32001)
            let lowercase = try await client.rpc(Self.call("admin.draft", "{}"), headers: [.authorization: "bEaReR \(editor)"]).json()
            #expect(lowercase["result"] != nil)
        }
    }

    @Test func repeatedFailuresAreThrottled() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "alice", scope: .admin)
        try await service.test { client in
            for _ in 0..<10 {
                let answer = try await client.rpc(Self.call("admin.draft", "{}"), headers: Self.bearer("errata_wrong")).json()
                #expect(answer["error"]?["code"] == -32001)
            }
            let throttled = try await client.rpc(Self.call("admin.draft", "{}"), headers: Self.bearer("errata_wrong")).json()
            #expect(throttled["error"]?["code"] == -32029)
            guard case .integer(let seconds) = throttled["error"]?["data"]?["retryAfter"] else { Issue.record("no retryAfter"); return }
            #expect((1...60).contains(seconds))
            try await client.execute(uri: "/v1/admin/draft", method: .get, headers: Self.bearer("errata_wrong")) { (response) throws in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
            }
            // A valid token is never locked out by others' failures from the same address.
            #expect(try await client.rpc(Self.call("admin.draft", "{}"), headers: Self.bearer(token)).json()["result"] != nil)
            // Public reads are not throttled.
            let read = try await client.rpc(Self.call("errors.describe", #"{"code":"NoSuchKey"}"#)).json()
            #expect(read["result"] != nil)
        }
    }

    @Test func theThrottleLimitIsConfigurable() async throws {
        let service = try await TestService(configuration: .init(port: 0, maximumAuthFailures: 15))
        try await service.test { client in
            for _ in 0..<15 {
                let refused = try await client.rpc(Self.call("admin.draft", "{}"), headers: Self.bearer("errata_wrong")).json()
                #expect(refused["error"]?["code"] == -32001)
            }
            let throttled = try await client.rpc(Self.call("admin.draft", "{}"), headers: Self.bearer("errata_wrong")).json()
            #expect(throttled["error"]?["code"] == -32029)
        }
    }

    @Test func revertHistoryAndLocales() async throws {
        let service = try await TestService()
        let admin = try await service.store.createToken(name: "root", scope: .admin)
        try await service.test { client in
            let publish = Self.call("admin.setText", #"{"code":"NoSuchKey","locale":"en","field":"message","text":"Gone.","expectedVersion":1,"publish":true,"note":"terse"}"#)
            #expect(try await client.rpc(publish, headers: Self.bearer(admin)).json()["result"]?["publishedRevision"] == 2)
            let revert = try await client.rpc(Self.call("admin.revert", #"{"toRevision":1,"note":"undo"}"#), headers: Self.bearer(admin)).json()
            #expect(revert["result"]?["revision"] == 3)
            let history = try await client.rpc(Self.call("admin.history", #"{"code":"NoSuchKey","locale":"en","limit":2}"#), headers: Self.bearer(admin)).json()
            #expect(history["result"]?["changes"]?[0]?["revision"] == 3)
            #expect(history["result"]?["changes"]?[0]?["oldText"] == "Gone.")
            #expect(history["result"]?["changes"]?[0]?["author"] == "root")
            #expect(history["result"]?["changes"]?[0]?["note"] == "undo")
            let locale = try await client.rpc(Self.call("admin.addLocale", #"{"tag":"fr","name":"Français"}"#), headers: Self.bearer(admin)).json()
            #expect(locale["result"]?["revision"] == 4)
            let locales = try await client.rpc(Self.call("locales.list", "{}")).json()
            // A new locale comes last, with no texts yet.
            guard case .array(let listed)? = locales["result"] else { Issue.record("locales.list answered \(locales)"); return }
            #expect(listed.last?["tag"] == "fr")
            #expect(listed.last?["complete"] == false)
            let french = try await client.rpc(Self.call("errors.describe", #"{"code":"NoSuchKey","locale":"fr"}"#)).json()
            #expect(french["result"]?["locale"] == "fr")
            #expect(french["result"]?["fallback"] == true)
        }
    }
}
