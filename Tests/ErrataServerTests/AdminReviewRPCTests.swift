import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The overview, review marking and history filters over JSON-RPC, against a live server on real SQLite.
@Suite struct AdminReviewRPCTests {
    static func call(_ client: some TestClientProtocol, _ method: String, _ params: JSONValue = [:], token: String?) async throws -> JSONValue {
        try await AdminConsoleRPCTests.call(client, method, params, token: token)
    }

    static let englishRemediation = AdminConsoleRPCTests.englishRemediation
    static let hansRemediation: JSONValue = ["code": "NoSuchKey", "locale": "zh-Hans", "field": "remediation"]

    @Test func theOverviewShowsEveryTextAndTheTranslationsAnEnglishEditPutsUpForReview() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "erin", scope: .edit)
        try await service.test(.live) { client in
            let before = try #require(try await Self.call(client, "admin.overview", token: token)["result"])
            #expect(before["revision"] == 1)
            #expect(before["sourceLocale"] == "en")
            guard case .array(let entries) = before["entries"] else { Issue.record("no entries"); return }
            let entryCount = service.live.served.snapshot.entries.count
            #expect(entries.count == entryCount)
            let locales = ["en", "zh-Hans", "zh-Hant"]
            for (index, tag) in locales.enumerated() {
                let summary = before["locales"]?[index]
                #expect(summary?["tag"] == .string(tag))
                #expect(summary?["source"] == .bool(tag == "en"))
                #expect(summary?["translated"] == .integer(Int64(entryCount)) && summary?["needsReview"] == 0 && summary?["missing"] == 0 && summary?["complete"] == true)
            }
            let tooLarge = try #require(entries.first { $0["code"] == "EntityTooLarge" })
            #expect(tooLarge["placeholders"]?[0]?["name"] == "maxObjectSize" && tooLarge["placeholders"]?[0]?["default"] == "5 GB")
            #expect(tooLarge["serviceMessage"] != nil && tooLarge["httpStatus"] == 400)

            _ = try await Self.call(
                client, "admin.setText", AdminConsoleRPCTests.merging(Self.englishRemediation, ["text": "Check the key, then list the bucket.", "expectedVersion": 1]),
                token: token
            )
            let after = try #require(try await Self.call(client, "admin.overview", token: token)["result"])
            let noSuchKey = try #require(Self.entry("NoSuchKey", in: after))
            #expect(noSuchKey["locales"]?["en"]?["state"] == "translated")
            #expect(noSuchKey["locales"]?["en"]?["remediation"]?["text"] == "Check the key, then list the bucket.")
            for tag in ["zh-Hans", "zh-Hant", "ja", "ko"] {
                let texts = noSuchKey["locales"]?[tag]
                #expect(texts?["state"] == "needs_review")
                #expect(texts?["pending"] == true)
                #expect(texts?["remediation"]?["state"] == "needs_review")
                #expect(texts?["message"]?["state"] == "translated" && texts?["message"]?["pending"] == false)
                // The versions are the ones an edit sends back as expectedVersion.
                let read = try await Self.call(client, "admin.getText", ["code": "NoSuchKey", "locale": .string(tag), "field": "remediation"], token: token)
                #expect(texts?["remediation"]?["version"] == read["result"]?["version"])
            }
            #expect(after["locales"]?[1]?["needsReview"] == 1 && after["locales"]?[1]?["translated"] == .integer(Int64(entryCount - 1)) && after["locales"]?[1]?["complete"] == false)
            #expect(after["locales"]?[0]?["pending"] == 1 && after["locales"]?[0]?["complete"] == true)
            // The size the documentation gives.
            #expect(CanonicalJSON.encode(after).count < 600_000)
        }
    }

    @Test func aLocaleAddedLaterIsMissingEverywhere() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "root", scope: .admin)
        try await service.test(.live) { client in
            _ = try await Self.call(client, "admin.addLocale", ["tag": "fr", "name": "Français"], token: token)
            let overview = try #require(try await Self.call(client, "admin.overview", token: token)["result"])
            #expect(overview["locales"]?[5]?["missing"] == .integer(Int64(service.live.served.snapshot.entries.count)) && overview["locales"]?[5]?["complete"] == false)
            #expect(Self.entry("NoSuchKey", in: overview)?["locales"]?["fr"] == ["state": "missing", "pending": false])
            // A text not written yet has no review state to set.
            let review = try await Self.call(
                client, "admin.setReviewState", ["code": "NoSuchKey", "locale": "fr", "field": "message", "state": "translated", "expectedVersion": 0],
                token: token
            )
            #expect(review["error"]?["code"] == -32004)
            #expect(review["error"]?["data"]?["reason"] == "UnknownText")
        }
    }

    @Test func markingATranslationReviewedIsAVersionCheckedDraftEditRecordedInHistory() async throws {
        let service = try await TestService()
        let editor = try await service.store.createToken(name: "erin", scope: .edit)
        let publisher = try await service.store.createToken(name: "pat", scope: .admin)
        let read = try await service.store.createToken(name: "reader", scope: .read)
        try await service.test(.live) { client in
            let english = AdminConsoleRPCTests.merging(Self.englishRemediation, ["text": "Check the key, then list the bucket.", "expectedVersion": 1])
            _ = try await Self.call(client, "admin.setText", english, token: editor)
            #expect(try await Self.call(client, "admin.publish", ["note": "English wording"], token: publisher)["result"]?["revision"] == 2)
            let flagged = try #require(try await Self.call(client, "admin.getText", Self.hansRemediation, token: editor)["result"])
            #expect(flagged["state"] == "needs_review" && flagged["pending"] == false)
            let review = AdminConsoleRPCTests.merging(Self.hansRemediation, ["state": "translated", "expectedVersion": flagged["version"] ?? 0])

            #expect(try await Self.call(client, "admin.setReviewState", review, token: read)["error"]?["code"] == -32003)
            let reviewed = try #require(try await Self.call(client, "admin.setReviewState", review, token: editor)["result"])
            #expect(reviewed["state"] == "translated" && reviewed["text"] == flagged["text"] && reviewed["pending"] == true)
            #expect(reviewed["version"] != flagged["version"])
            // The same version again is stale: a conflict carrying the text as it is now.
            let stale = try await Self.call(client, "admin.setReviewState", review, token: editor)
            #expect(stale["error"]?["code"] == -32009)
            #expect(stale["error"]?["data"]?["current"]?["version"] == reviewed["version"])
            let badState = AdminConsoleRPCTests.merging(review, ["state": "done"])
            #expect(try await Self.call(client, "admin.setReviewState", badState, token: editor)["error"]?["data"]?["field"] == "state")

            let overview = try #require(try await Self.call(client, "admin.overview", token: editor)["result"])
            #expect(Self.entry("NoSuchKey", in: overview)?["locales"]?["zh-Hans"]?["state"] == "translated")
            #expect(Self.entry("NoSuchKey", in: overview)?["locales"]?["zh-Hant"]?["state"] == "needs_review")
            let draft = Self.changes(try await Self.call(client, "admin.draft", token: editor)["result"]?["changes"])
            #expect(draft.count == 1 && draft.first?["state"] == "translated" && draft.first?["author"] == "erin")

            #expect(try await Self.call(client, "admin.publish", ["note": "reviewed"], token: publisher)["result"]?["revision"] == 3)
            // With reviewChanges, the mark and the flag before it are listed: the text stays, the state changes.
            let filter: JSONValue = ["code": "NoSuchKey", "locale": "zh-Hans", "reviewChanges": true]
            let withReviews = Self.changes(try await Self.call(client, "admin.history", filter, token: publisher)["result"]?["changes"])
            let mark = try #require(withReviews.first)
            #expect(mark["revision"] == 3 && mark["state"] == "translated" && mark["author"] == "pat" && mark["field"] == "remediation")
            #expect(mark["oldText"] == flagged["text"] && mark["newText"] == flagged["text"])
            #expect(withReviews.dropFirst().first?["revision"] == 2 && withReviews.dropFirst().first?["state"] == "needs_review")
            // Without it, the history lists text changes only.
            let textOnly = Self.changes(try await Self.call(client, "admin.history", ["code": "NoSuchKey", "locale": "zh-Hans"], token: publisher)["result"]?["changes"])
            #expect(!textOnly.isEmpty && textOnly.allSatisfy { $0["revision"] == 1 })
            #expect(try await Self.call(client, "admin.getText", Self.hansRemediation, token: editor)["result"]?["state"] == "translated")
        }
    }

    @Test func historyFiltersByCodeLocaleAndAuthorWithTheTextBeforeAndAfter() async throws {
        let service = try await TestService()
        let alice = try await service.store.createToken(name: "alice", scope: .admin)
        let bob = try await service.store.createToken(name: "bob", scope: .admin)
        try await service.test(.live) { client in
            let original = try #require(try await Self.call(client, "admin.getText", Self.englishRemediation, token: alice)["result"]?["text"])
            let aliceEdit = AdminConsoleRPCTests.merging(
                Self.englishRemediation, ["text": "Check the key.", "expectedVersion": 1, "publish": true, "note": "shorter"]
            )
            _ = try await Self.call(client, "admin.setText", aliceEdit, token: alice)
            let slowDown: JSONValue = ["code": "SlowDown", "locale": "zh-Hans", "field": "message", "text": "请求过于频繁。", "expectedVersion": 1, "publish": true]
            _ = try await Self.call(client, "admin.setText", slowDown, token: bob)

            let byAlice = Self.changes(try await Self.call(client, "admin.history", ["author": "alice"], token: bob)["result"]?["changes"])
            #expect(byAlice.count == 1)
            #expect(byAlice.first?["code"] == "NoSuchKey" && byAlice.first?["author"] == "alice" && byAlice.first?["note"] == "shorter")
            #expect(byAlice.first?["oldText"] == original && byAlice.first?["newText"] == "Check the key.")
            let byBob = Self.changes(try await Self.call(client, "admin.history", ["author": "bob"], token: bob)["result"]?["changes"])
            #expect(byBob.map { $0["code"] } == ["SlowDown"] && byBob.first?["revision"] == 3)
            let bySlowDown = Self.changes(try await Self.call(client, "admin.history", ["code": "SlowDown", "locale": "zh-Hans"], token: bob)["result"]?["changes"])
            #expect(bySlowDown.first?["newText"] == "请求过于频繁。")
            #expect(bySlowDown.allSatisfy { $0["code"] == "SlowDown" && $0["locale"] == "zh-Hans" })
            let combined = try await Self.call(client, "admin.history", ["code": "SlowDown", "author": "alice"], token: bob)
            #expect(combined["result"]?["changes"] == [])
            let badToken = try await Self.call(client, "admin.history", ["author": .string(String(repeating: "x", count: 65))], token: bob)
            #expect(badToken["error"]?["data"]?["field"] == "author")
        }
    }

    static func entry(_ code: String, in overview: JSONValue) -> JSONValue? {
        guard case .array(let entries)? = overview["entries"] else { return nil }
        return entries.first { $0["code"] == .string(code) }
    }

    static func changes(_ value: JSONValue?) -> [JSONValue] {
        guard case .array(let items)? = value else { return [] }
        return items
    }
}
