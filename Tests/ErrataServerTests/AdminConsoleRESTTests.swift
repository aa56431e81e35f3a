import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The REST routes an admin console may use instead of JSON-RPC, against a live server on real SQLite.
@Suite struct AdminConsoleRESTTests {
    static let hansRemediation = "/v1/admin/errors/NoSuchKey/texts/zh-Hans/remediation"

    static func headers(_ token: String, _ extra: HTTPFields = [:]) -> HTTPFields {
        AdminRESTTests.headers(token, extra)
    }

    @Test func sessionAnswersTheTokenOr401() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "pat", scope: .publish)
        try await service.test(.live) { client in
            try await client.execute(uri: "/v1/admin/session", method: .get, headers: Self.headers(token)) { (response) throws in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(try response.json() == ["name": "pat", "scope": "publish", "allows": ["read": true, "edit": true, "publish": true, "admin": false]])
            }
            try await client.execute(uri: "/v1/admin/session", method: .get) { (response) throws in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] != nil)
                #expect(try response.json()["reason"] == "Unauthorized")
            }
        }
    }

    @Test func everyConsoleRouteNeedsItsScope() async throws {
        let service = try await TestService()
        let read = try await service.store.createToken(name: "reader", scope: .read)
        let edit = try await service.store.createToken(name: "erin", scope: .edit)
        let routes: [(uri: String, method: HTTPRequest.Method, body: String, allowed: Set<String>)] = [
            ("/v1/admin/overview", .get, "", ["erin"]),
            (Self.hansRemediation + "/validation", .post, #"{"text":"x"}"#, ["erin"]),
            (Self.hansRemediation + "/review-state", .put, #"{"state":"translated"}"#, ["erin"]),
            ("/v1/admin/history?author=erin", .get, "", []),
        ]
        try await service.test(.live) { client in
            for (uri, method, body, allowed) in routes {
                try await client.execute(uri: uri, method: method, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .unauthorized, "\(uri)")
                }
                for (name, token) in [("reader", read), ("erin", edit)] where !allowed.contains(name) {
                    try await client.execute(uri: uri, method: method, headers: Self.headers(token, [.ifMatch: "\"t1\""]), body: ByteBuffer(string: body)) { response in
                        #expect(response.status == .forbidden, "\(uri) as \(name)")
                    }
                }
            }
        }
    }

    @Test func validationAnswersTheVerdictOfThePut() async throws {
        let service = try await TestService()
        let edit = try await service.store.createToken(name: "erin", scope: .edit)
        let read = try await service.store.createToken(name: "reader", scope: .read)
        let path = "/v1/admin/errors/EntityTooLarge/texts/zh-Hant/remediation"
        let body = ByteBuffer(string: #"{"text":"太大了 {maxSize}。"}"#)
        try await service.test(.live) { client in
            let details = try await client.execute(uri: path + "/validation", method: .post, headers: Self.headers(edit), body: body) { (response) throws -> JSONValue? in
                #expect(response.status == .ok)
                let verdict = try response.json()
                #expect(verdict["valid"] == false)
                #expect(verdict["problems"]?[0]?["reason"] == "PlaceholderMismatch")
                #expect(verdict["problems"]?[0]?["missing"] == ["maxObjectSize"] && verdict["problems"]?[0]?["unknown"] == ["maxSize"])
                return verdict["problems"]?[0]?["detail"]
            }
            try await client.execute(uri: path, method: .put, headers: Self.headers(edit, [.ifMatch: "\"t1\""]), body: body) { (response) throws in
                #expect(response.status == .unprocessableContent)
                #expect(try response.json()["problems"] == .array([try #require(details)]))
            }
            try await client.execute(uri: path + "/validation", method: .post, headers: Self.headers(read), body: body) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/v1/admin/errors/Nope/texts/en/message/validation", method: .post, headers: Self.headers(edit), body: body) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: path + "/validation", method: .post, headers: Self.headers(edit), body: ByteBuffer(string: "{}")) { (response) throws in
                #expect(response.status == .unprocessableContent)
                #expect(try response.json()["field"] == "text")
            }
            // Nothing was saved.
            try await client.execute(uri: "/v1/admin/draft", method: .get, headers: Self.headers(edit)) { (response) throws in
                #expect(try response.json()["changes"] == [])
            }
        }
    }

    @Test func reviewStateIsSetWithIfMatchAndShowsInTheOverview() async throws {
        let service = try await TestService()
        let edit = try await service.store.createToken(name: "erin", scope: .edit)
        try await service.test(.live) { client in
            let english = ByteBuffer(string: #"{"text":"Check the key, then list the bucket."}"#)
            try await client.execute(uri: AdminRESTTests.textPath, method: .put, headers: Self.headers(edit, [.ifMatch: "\"t1\""]), body: english) { response in
                #expect(response.status == .ok)
            }
            let flagged = try await client.execute(uri: Self.hansRemediation, method: .get, headers: Self.headers(edit)) { (response) throws in
                #expect(try response.json()["state"] == "needs_review")
                return try #require(response.headers[.eTag])
            }
            let review = ByteBuffer(string: #"{"state":"translated"}"#)
            try await client.execute(uri: Self.hansRemediation + "/review-state", method: .put, headers: Self.headers(edit), body: review) { response in
                #expect(response.status == .preconditionRequired)
            }
            let reviewed = try await client.execute(
                uri: Self.hansRemediation + "/review-state", method: .put, headers: Self.headers(edit, [.ifMatch: flagged]), body: review
            ) { (response) throws in
                #expect(response.status == .ok)
                #expect(try response.json()["state"] == "translated")
                return try #require(response.headers[.eTag])
            }
            #expect(reviewed != flagged)
            try await client.execute(
                uri: Self.hansRemediation + "/review-state", method: .put, headers: Self.headers(edit, [.ifMatch: flagged]), body: review
            ) { (response) throws in
                #expect(response.status == .preconditionFailed)
                #expect(try response.json()["current"]?["state"] == "translated")
            }
            try await client.execute(uri: "/v1/admin/overview", method: .get, headers: Self.headers(edit)) { (response) throws in
                #expect(response.status == .ok)
                let overview = try response.json()
                let entry = AdminReviewRPCTests.entry("NoSuchKey", in: overview)
                #expect(entry?["locales"]?["zh-Hans"]?["state"] == "translated")
                #expect(entry?["locales"]?["zh-Hant"]?["state"] == "needs_review")
                #expect(entry?["locales"]?["zh-Hans"]?["remediation"]?["version"] == .integer(Int64(reviewed.dropFirst(2).dropLast())!))
            }
            try await client.execute(uri: "/v1/admin/overview", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func historyFiltersByAuthorAndListsReviewChangesOnRequest() async throws {
        let service = try await TestService()
        let alice = try await service.store.createToken(name: "alice", scope: .admin)
        try await service.test(.live) { client in
            let english = ByteBuffer(string: #"{"text":"Check the key.","publish":true,"note":"shorter"}"#)
            try await client.execute(uri: AdminRESTTests.textPath, method: .put, headers: Self.headers(alice, [.ifMatch: "\"t1\""]), body: english) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/admin/history?author=alice", method: .get, headers: Self.headers(alice)) { (response) throws in
                let changes = try response.json()["changes"]
                #expect(changes?[0]?["newText"] == "Check the key." && changes?[0]?["state"] == "translated" && changes?[1] == nil)
            }
            try await client.execute(uri: "/v1/admin/history?author=alice&reviewChanges=true", method: .get, headers: Self.headers(alice)) { (response) throws in
                // The English edit put the four translations of the remediation up for review.
                guard case .array(let changes)? = try response.json()["changes"] else { Issue.record("no changes"); return }
                #expect(changes.count == 5)
                #expect(changes.filter { $0["state"] == "needs_review" }.map { $0["locale"] }.count == 4)
            }
            try await client.execute(uri: "/v1/admin/history?author=bob", method: .get, headers: Self.headers(alice)) { (response) throws in
                #expect(try response.json()["changes"] == [])
            }
            try await client.execute(uri: "/v1/admin/history?reviewChanges=maybe", method: .get, headers: Self.headers(alice)) { (response) throws in
                #expect(response.status == .badRequest)
                #expect(try response.json()["parameter"] == "reviewChanges")
            }
        }
    }
}
