import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite struct AdminRESTTests {
    static let textPath = "/v1/admin/errors/NoSuchKey/texts/en/remediation"

    static func headers(_ token: String, _ extra: HTTPFields = [:]) -> HTTPFields {
        var fields: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        fields.append(contentsOf: extra)
        return fields
    }

    @Test func editWithIfMatchThenPublishAndReadersFollow() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "console", scope: .publish)
        try await service.test { client in
            let etag = try await client.execute(uri: Self.textPath, method: .get, headers: Self.headers(token)) { (response) throws in
                #expect(response.status == .ok)
                #expect(try response.json()["version"] == 1)
                return try #require(response.headers[.eTag])
            }
            #expect(etag == "\"t1\"")
            let oldReadTag = try await client.execute(uri: "/v1/errors/NoSuchKey", method: .get) { $0.headers[.eTag] }

            let body = ByteBuffer(string: #"{"text":"Check the key and list the bucket."}"#)
            let newTag = try await client.execute(uri: Self.textPath, method: .put, headers: Self.headers(token, [.ifMatch: etag]), body: body) { (response) throws in
                #expect(response.status == .ok)
                #expect(try response.json()["pending"] == true)
                return try #require(response.headers[.eTag])
            }
            // The same If-Match again loses: 412 with the current text.
            try await client.execute(uri: Self.textPath, method: .put, headers: Self.headers(token, [.ifMatch: etag]), body: body) { (response) throws in
                #expect(response.status == .preconditionFailed)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(try response.json()["current"]?["text"] == "Check the key and list the bucket.")
            }
            try await client.execute(uri: "/v1/admin/draft", method: .get, headers: Self.headers(token)) { (response) throws in
                #expect(try response.json()["changes"]?[0]?["version"] == .integer(Int64(newTag.dropFirst(2).dropLast())!))
            }
            try await client.execute(uri: "/v1/admin/publish", method: .post, headers: Self.headers(token), body: ByteBuffer(string: #"{"note":"console edit"}"#)) { (response) throws in
                #expect(try response.json() == ["revision": 2])
            }
            // Readers: the old ETag no longer matches, the new text is served, the feed has the change.
            try await client.execute(uri: "/v1/errors/NoSuchKey", method: .get, headers: [.ifNoneMatch: try #require(oldReadTag)]) { (response) throws in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"r2-en\"")
                #expect(try response.decode(ErrorDescription.self).remediation == "Check the key and list the bucket.")
            }
            try await client.execute(uri: "/v1/catalog/changes?since=1&locale=en", method: .get) { (response) throws in
                let changes = try response.decode(CatalogChanges.self)
                #expect(changes.changes.map(\.text) == ["Check the key and list the bucket."])
                #expect(response.headers[.eTag] == "\"r2-since1-en\"")
            }
        }
    }

    @Test func preconditionsAndValidationHaveTheirStatuses() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "console", scope: .publish)
        try await service.test { client in
            let body = ByteBuffer(string: #"{"text":"New."}"#)
            try await client.execute(uri: Self.textPath, method: .put, headers: Self.headers(token), body: body) { (response) throws in
                #expect(response.status == .preconditionRequired)
            }
            // If-Match compares strongly: a weak tag, a read's tag or a stale version never match.
            for ifMatch in ["W/\"t1\"", "\"r1-en\"", "\"t7\", \"t8\""] {
                try await client.execute(uri: Self.textPath, method: .put, headers: Self.headers(token, [.ifMatch: ifMatch]), body: body) { (response) throws in
                    #expect(response.status == .preconditionFailed, "\(ifMatch)")
                    #expect(try response.json()["current"]?["version"] == 1, "\(ifMatch)")
                }
            }
            try await client.execute(
                uri: "/v1/admin/errors/EntityTooLarge/texts/zh-Hans/remediation", method: .put,
                headers: Self.headers(token, [.ifMatch: "\"t1\""]), body: ByteBuffer(string: #"{"text":"太大了。"}"#)
            ) { (response) throws in
                #expect(response.status == .unprocessableContent)
                #expect(try response.json()["field"] == "text")
            }
            try await client.execute(uri: Self.textPath, method: .put, headers: Self.headers(token, [.ifMatch: "\"t1\""]), body: ByteBuffer(string: "[1]")) { (response) throws in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/v1/admin/publish", method: .post, headers: Self.headers(token), body: ByteBuffer(string: #"{"note":"nothing"}"#)) { (response) throws in
                #expect(response.status == .conflict)
                #expect(try response.json()["reason"] == "DraftEmpty")
            }
            try await client.execute(uri: "/v1/admin/revert", method: .post, headers: Self.headers(token), body: ByteBuffer(string: #"{"toRevision":7,"note":"x"}"#)) { (response) throws in
                #expect(response.status == .unprocessableContent)
                #expect(try response.json()["field"] == "toRevision")
            }
        }
    }

    @Test func ifMatchIsAListAndStarMatchesAnExistingText() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "console", scope: .edit)
        try await service.test { client in
            let listed = try await client.execute(
                uri: Self.textPath, method: .put, headers: Self.headers(token, [.ifMatch: #"W/"t1", "t9", "t1""#]),
                body: ByteBuffer(string: #"{"text":"Listed."}"#)
            ) { (response) throws in
                #expect(response.status == .ok)
                return try #require(response.headers[.eTag])
            }
            try await client.execute(uri: Self.textPath, method: .put, headers: Self.headers(token, [.ifMatch: "*"]), body: ByteBuffer(string: #"{"text":"Starred."}"#)) { (response) throws in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != listed)
                #expect(try response.json()["text"] == "Starred.")
            }
            // A locale added has no texts yet: `*` needs an existing text, "t0" names the missing one.
            _ = try await service.edits.addLocale(LanguageTag(rawValue: "fr")!, name: "Français", by: TestService.root)
            let french = "/v1/admin/errors/NoSuchKey/texts/fr/message"
            try await client.execute(uri: french, method: .put, headers: Self.headers(token, [.ifMatch: "*"]), body: ByteBuffer(string: #"{"text":"Introuvable."}"#)) { (response) throws in
                #expect(response.status == .preconditionFailed)
                #expect(try response.json()["current"]?["version"] == 0)
            }
            try await client.execute(uri: french, method: .put, headers: Self.headers(token, [.ifMatch: #""t0""#]), body: ByteBuffer(string: #"{"text":"Introuvable."}"#)) { (response) throws in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func authenticationComesBeforeEveryOtherCheck() async throws {
        let service = try await TestService()
        let reader = try await service.store.createToken(name: "reader", scope: .read)
        try await service.test { client in
            // No token, no If-Match, no body: 401, not 428.
            try await client.execute(uri: Self.textPath, method: .put) { (response) throws in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == #"Bearer realm="errata""#)
            }
            // A bad body and a path naming nothing are not looked at before the token.
            try await client.execute(uri: "/v1/admin/errors/Nope/texts/xx/title", method: .put, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{,")) { (response) throws in
                #expect(response.status == .unauthorized)
            }
            // Too small a scope is 403 before If-Match and the body.
            try await client.execute(uri: Self.textPath, method: .put, headers: Self.headers(reader), body: ByteBuffer(string: "{,")) { (response) throws in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/v1/admin/publish", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: #"{"note":1}"#)) { (response) throws in
                #expect(response.status == .unauthorized)
            }
            let rpc = try await client.rpc(#"{"jsonrpc":"2.0","method":"admin.setText","params":{"nonsense":true},"id":1}"#).json()
            #expect(rpc["error"]?["code"] == -32001)
        }
    }

    @Test(arguments: [
        (#"{"note":"a","note":"b"}"#, "duplicate member"),
        ("\u{FEFF}{\"note\":\"a\"}", "byte order mark"),
        (#"{"note":"a",}"#, "trailing comma"),
        (#"["note"]"#, "must be a JSON object"),
    ])
    func adminBodiesAreReadAsStrictlyAsRPC(body: String, named: String) async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "publisher", scope: .publish)
        try await service.test { client in
            try await client.execute(uri: "/v1/admin/publish", method: .post, headers: Self.headers(token), body: ByteBuffer(string: body)) { (response) throws in
                #expect(response.status == .badRequest)
                let answer = try response.json()
                #expect(answer["detail"].map { "\($0)".contains(named) } == true, "\(answer)")
            }
        }
    }

    @Test func unknownAndMissingBodyMembersAreNamed() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "publisher", scope: .publish)
        try await service.test { client in
            for (body, field) in [(#"{"note":"x","nope":1}"#, "nope"), ("{}", "note"), (#"{"note":""}"#, "note")] {
                try await client.execute(uri: "/v1/admin/publish", method: .post, headers: Self.headers(token), body: ByteBuffer(string: body)) { (response) throws in
                    #expect(response.status == .unprocessableContent, "\(body)")
                    #expect(try response.json()["field"] == .string(field), "\(body)")
                    #expect(try response.json()["reason"] == "InvalidParams", "\(body)")
                }
            }
        }
    }

    @Test func authorizationFailuresAreProblems() async throws {
        let service = try await TestService()
        let editor = try await service.store.createToken(name: "editor", scope: .edit)
        try await service.test { client in
            try await client.execute(uri: "/v1/admin/draft", method: .get) { (response) throws in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == #"Bearer realm="errata""#)
            }
            try await client.execute(uri: "/v1/admin/draft", method: .get, headers: [.authorization: "Bearer nope"]) { (response) throws in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.contains("invalid_token") == true)
            }
            try await client.execute(uri: "/v1/admin/publish", method: .post, headers: Self.headers(editor), body: ByteBuffer(string: #"{"note":"x"}"#)) { (response) throws in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/v1/admin/draft?access_token=\(editor)", method: .get) { (response) throws in
                #expect(response.status == .badRequest)
                #expect(try response.json()["reason"] == "TokenInQuery")
            }
        }
    }

    @Test func deltaFeedStatuses() async throws {
        let service = try await TestService()
        try await service.test { client in
            try await client.execute(uri: "/v1/catalog/changes?since=0&locale=zh-Hant", method: .get) { (response) throws in
                let changes = try response.decode(CatalogChanges.self)
                let seed = try LocalizationsDirectory(url: TestService.localizations).load()
                #expect(changes.changes.count == seed.texts.keys.count { $0.locale.rawValue == "zh-Hant" })
                #expect(changes.changes.allSatisfy { $0.locale.rawValue == "zh-Hant" })
            }
            try await client.execute(uri: "/v1/catalog/changes?since=1", method: .get, headers: [.ifNoneMatch: "\"r1-since1\""]) { (response) throws in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/v1/catalog/changes?since=1", method: .get) { (response) throws in
                #expect(try response.decode(CatalogChanges.self).changes.isEmpty)
            }
            for bad in ["since=-1", "since=2", "since=abc", "", "since=1&locale=%21%21"] {
                try await client.execute(uri: "/v1/catalog/changes?\(bad)", method: .get) { (response) throws in
                    #expect(response.status == .badRequest, "\(bad)")
                }
            }
        }
    }

    @Test func compactedHistoryAnswersGone() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "root", scope: .admin)
        for revision in 1...3 {
            _ = try await service.edits.setText(
                TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey")), locale: .english, field: .message),
                to: "Version \(revision + 1).", expected: .version(revision), publish: true, note: "v", by: TestService.root
            )
        }
        _ = try await service.store.compactHistory(keep: 1)
        try await service.live.reload(from: service.store)
        try await service.test { client in
            try await client.execute(uri: "/v1/catalog/changes?since=1", method: .get) { (response) throws in
                #expect(response.status == .gone)
                #expect(try response.json()["reason"] == "ResyncRequired")
            }
            let answer = try await client.rpc(#"{"jsonrpc":"2.0","method":"catalog.changes","params":{"since":1},"id":1}"#, headers: [.authorization: "Bearer \(token)"]).json()
            #expect(answer["error"]?["code"] == -32010)
            try await client.execute(uri: "/v1/catalog/changes?since=3", method: .get) { (response) throws in
                #expect(try response.decode(CatalogChanges.self).changes.map(\.text) == ["Version 4."])
            }
        }
    }

    @Test func readsCanRequireAToken() async throws {
        let service = try await TestService(configuration: ServerConfiguration(port: 0, requireReadToken: true))
        let reader = try await service.store.createToken(name: "reader", scope: .read)
        try await service.test { client in
            try await client.execute(uri: "/v1/errors/NoSuchKey", method: .get) { (response) throws in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/v1/errors/NoSuchKey", method: .get, headers: [.authorization: "Bearer \(reader)"]) { (response) throws in
                #expect(response.status == .ok)
            }
            let anonymous = try await client.rpc(#"{"jsonrpc":"2.0","method":"errors.describe","params":{"code":"NoSuchKey"},"id":1}"#).json()
            #expect(anonymous["error"]?["code"] == -32001)
            try await client.execute(uri: "/healthz", method: .get) { (response) throws in
                #expect(response.status == .ok)
            }
        }
    }
}

/// Tokens are authenticated from memory; what `errata-server token …` does in another process is seen in time.
@Suite struct TokenCacheTests {
    func status(_ client: some TestClientProtocol, _ token: String) async throws -> HTTPResponse.Status {
        try await client.execute(uri: "/v1/errors/NoSuchKey", method: .get, headers: [.authorization: "Bearer \(token)"]).status
    }

    @Test func aTokenCreatedWhileServingWorksAtOnceAndARevokedOneStopsWithinTheLifetime() async throws {
        let service = try await TestService(configuration: ServerConfiguration(port: 0, requireReadToken: true, tokenCacheLifetime: .zero))
        try await service.test { (client) async throws in
            let early = try await service.store.createToken(name: "early", scope: .read)
            #expect(try await status(client, early) == .ok)
            let late = try await service.store.createToken(name: "late", scope: .read)
            #expect(try await status(client, late) == .ok)
            #expect(try await service.store.revokeToken(name: "early"))
            #expect(try await status(client, early) == .unauthorized)
            #expect(try await status(client, late) == .ok)
        }
    }

    @Test func withinTheLifetimeTheStoreIsNotReadAgain() async throws {
        let service = try await TestService(configuration: ServerConfiguration(port: 0, requireReadToken: true, tokenCacheLifetime: .seconds(3_600)))
        let token = try await service.store.createToken(name: "reader", scope: .read)
        try await service.test { (client) async throws in
            #expect(try await status(client, token) == .ok)
            #expect(try await service.store.revokeToken(name: "reader"))
            // Still trusted from memory: the lifetime is what bounds a revocation's delay.
            #expect(try await status(client, token) == .ok)
        }
    }
}

@Suite struct AdminRESTPathTests {
    @Test func textsThatDoNotExistAreNotFoundAndOtherMethodsAreNotAllowed() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "console", scope: .publish)
        try await service.test { client in
            for (path, reason) in [
                ("/v1/admin/errors/NoSuchKee/texts/en/message", "UnknownCode"), ("/v1/admin/errors/NoSuchKey/texts/en/message?variant=acl", "UnknownVariant"),
                ("/v1/admin/errors/NoSuchKey/texts/fr/message", "UnknownLocale"), ("/v1/admin/errors/NoSuchKey/texts/en/title", "UnknownText"),
                ("/v1/admin/errors/NoSuchKey/texts/not%20a%20tag/message", "UnknownText"),
            ] {
                try await client.execute(uri: path, method: .get, headers: [.authorization: "Bearer \(token)"]) { (response) throws in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(try response.json()["reason"] == .string(reason), "\(path)")
                }
            }
            try await client.execute(
                uri: "/v1/admin/errors/NoSuchKey/texts/en/message", method: .put,
                headers: [.authorization: "Bearer \(token)", .ifMatch: "\"t1\"", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"text":"x.","expectedVersion":5}"#)
            ) { (response) throws in
                #expect(response.status == .unprocessableContent)
                #expect(try response.json()["field"] == "expectedVersion")
            }
            for (method, path, allow) in [
                (HTTPRequest.Method.get, "/rpc", "POST"), (.delete, "/v1/locales", "GET, HEAD"), (.post, "/v1/errors/NoSuchKey", "GET, HEAD"),
                (.patch, "/v1/admin/draft", "DELETE, GET, HEAD"),
            ] {
                try await client.execute(uri: path, method: method) { (response) throws in
                    #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                    #expect(response.headers[.allow] == allow, "\(method) \(path)")
                }
            }
            try await client.execute(uri: "/v1/nothing-here", method: .delete) { (response) throws in
                #expect(response.status == .notFound)
            }
        }
    }
}
