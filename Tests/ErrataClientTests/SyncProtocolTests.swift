import ErrataClient
import ErrataCore
import Foundation
import Hummingbird
import Testing

/// How `sync()` follows the delta-feed protocol, against a server scripted to give each answer.
@Suite struct SyncProtocolTests {
    static let noSuchKey = ErrorCode("NoSuchKey")
    static let newRemediation = TextChange(key: Documents.key(.remediation), text: "Newly published steps.", revision: 3)

    /// A server whose feed answers every `since` with `changes`, and whose snapshot is `document`.
    static func server(changes: @escaping @Sendable (Int, String?) throws -> Response, document: CatalogDocument) -> ScriptedServer {
        ScriptedServer(changes: { try changes($0, $1) }, snapshot: { ScriptedServer.ok(try json(document)) })
    }

    static let revisionSeven = Documents.edited(revision: 7, message: "Message at 7.", remediation: "Remediation at 7.")

    @Test func aDeltaAppliesAtOnceAndIsCached() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let server = Self.server(changes: { _, _ in try ScriptedServer.changes(from: 0, to: 3, [Self.newRemediation]) }, document: Self.revisionSeven)
        try await server.run { (url) async throws in
            let client = ErrataClient.make(cache: cache, server: url)
            #expect(try await client.sync() == .updated(from: 0, to: 3, method: .delta))
            let description = try client.describe(code: Self.noSuchKey)
            #expect(description.remediation == "Newly published steps.")
            #expect(description.message == Documents.localizations[Documents.key(.message)])
            #expect(description.revision == 3)
        }
        #expect(server.log.all == ["/v1/catalog/changes?since=0"])
        let relaunched = ErrataClient.make(cache: cache)
        #expect(relaunched.revision == 3)
        #expect(try relaunched.describe(code: Self.noSuchKey).remediation == "Newly published steps.")
    }

    @Test func notModifiedRenewsFreshnessWithoutRewritingTheCatalog() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let server = Self.server(changes: { since, ifNoneMatch in
            if since == 3, ifNoneMatch == "\"r3-since3\"" { return ScriptedServer.notModified }
            return try ScriptedServer.changes(from: 0, to: 3, [Self.newRemediation])
        }, document: Self.revisionSeven)
        try await server.run { (url) async throws in
            let client = ErrataClient.make(cache: cache, server: url)
            _ = try await client.sync()
            let written = try Data(contentsOf: cache.catalogFile)
            let modified = try FileManager.default.attributesOfItem(atPath: cache.catalogFile.path)[.modificationDate] as? Date
            #expect(!FileManager.default.fileExists(atPath: cache.freshnessFile.path))

            #expect(try await client.sync() == .unchanged(revision: 3))
            #expect(try Data(contentsOf: cache.catalogFile) == written)
            #expect(try FileManager.default.attributesOfItem(atPath: cache.catalogFile.path)[.modificationDate] as? Date == modified)
            #expect(FileManager.default.fileExists(atPath: cache.freshnessFile.path), "the check is recorded")

            // A later process within the minimum interval does not ask the server at all.
            let relaunched = ErrataClient.make(cache: cache, server: url, minimumSyncInterval: 3_600)
            #expect(try await relaunched.sync() == .skipped(revision: 3))
        }
        #expect(server.log.all == ["/v1/catalog/changes?since=0", "/v1/catalog/changes?since=3"])
    }

    @Test func forgottenHistoryLeadsToAFullFetch() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let server = Self.server(changes: { _, _ in ScriptedServer.problem(.gone, reason: "ResyncRequired") }, document: Self.revisionSeven)
        try await server.run { (url) async throws in
            let client = ErrataClient.make(cache: cache, server: url)
            #expect(try await client.sync() == .updated(from: 0, to: 7, method: .fullFetch))
            #expect(try client.describe(code: Self.noSuchKey).message == "Message at 7.")
        }
        #expect(server.log.all == ["/v1/catalog/changes?since=0", "/v1/catalog/snapshot"])
    }

    @Test func aCatalogThatDroppedALocaleIsNegotiatedAnew() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        var catalog = Documents.localizations
        catalog.locales.removeAll { $0.tag.rawValue == "zh-Hant" }
        catalog.texts = catalog.texts.filter { $0.key.locale.rawValue != "zh-Hant" }
        let withoutHant = CatalogDocument(catalog: catalog, revision: 7)
        let server = Self.server(changes: { _, _ in ScriptedServer.problem(.gone, reason: "ResyncRequired") }, document: withoutHant)
        try await server.run { (url) async throws in
            let client = ErrataClient.make(cache: cache, server: url)
            #expect(try client.describe(code: Self.noSuchKey, locale: "zh-TW").locale.rawValue == "zh-Hant")
            #expect(try await client.sync() == .updated(from: 0, to: 7, method: .fullFetch))
            let after = try client.describe(code: Self.noSuchKey, locale: "zh-TW")
            #expect(after.locale == .english && after.fallback, "no zh-Hant any more: zh-TW falls back to the source locale")
        }
    }

    @Test func aServerThatWentBackLeadsToAFullFetch() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let server = Self.server(changes: { since, _ in
            since > 7 ? ScriptedServer.problem(.badRequest, reason: "InvalidParameter") : ScriptedServer.notModified
        }, document: Self.revisionSeven)
        try await server.run { (url) async throws in
            let ahead = Documents.edited(revision: 9, message: "Message at 9.", remediation: "Remediation at 9.")
            try CacheFileTests.cacheFile(document: ahead, server: url).write(to: cache.catalogFile)
            let client = ErrataClient.make(cache: cache, server: url)
            #expect(client.revision == 9)
            #expect(try await client.sync() == .updated(from: 9, to: 7, method: .fullFetch))
            #expect(try client.describe(code: Self.noSuchKey).message == "Message at 7.")
        }
        #expect(server.log.all == ["/v1/catalog/changes?since=9", "/v1/catalog/snapshot"])
    }

    @Test(arguments: [
        TextChange(key: TextKey(entry: EntryKey(code: ErrorCode("BrandNewCode")), locale: .english, field: .message), text: "New.", revision: 3),
        TextChange(key: TextKey(entry: Documents.noSuchKey, locale: LanguageTag(rawValue: "fr")!, field: .message), text: "Neuf.", revision: 3),
    ])
    func aDeltaNamingAnUnknownEntryOrLocaleLeadsToAFullFetch(change: TextChange) async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let server = Self.server(changes: { _, _ in try ScriptedServer.changes(from: 0, to: 3, [change]) }, document: Self.revisionSeven)
        try await server.run { (url) async throws in
            #expect(try await ErrataClient.make(cache: cache, server: url).sync() == .updated(from: 0, to: 7, method: .fullFetch))
        }
    }

    @Test func aCacheFromAnotherServerIsReplacedByAFullFetch() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        try CacheFileTests.cacheFile(document: CacheFileTests.edited).write(to: cache.catalogFile)
        let server = Self.server(changes: { _, _ in ScriptedServer.notModified }, document: Self.revisionSeven)
        try await server.run { (url) async throws in
            #expect(try await ErrataClient.make(cache: cache, server: url).sync() == .updated(from: 5, to: 7, method: .fullFetch))
        }
        #expect(server.log.all == ["/v1/catalog/snapshot"])
    }

    @Test func wideningTheKeptLocalesRefetchesWhatTheCacheLacks() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let server = Self.server(changes: { _, _ in ScriptedServer.problem(.gone, reason: "ResyncRequired") }, document: Self.revisionSeven)
        try await server.run { (url) async throws in
            let simplified = ErrataClient.make(cache: cache, server: url, locales: [LanguageTag(rawValue: "zh-Hans")!])
            _ = try await simplified.sync()
            let cached = try String(decoding: Data(contentsOf: cache.catalogFile), as: UTF8.self)
            #expect(!cached.contains("zh-Hant"), "texts of dropped locales are not cached")
            let all = ErrataClient.make(cache: cache, server: url)
            #expect(try all.describe(code: Self.noSuchKey, locale: "zh-Hant").fallback)
            #expect(try await all.sync() == .updated(from: 7, to: 7, method: .fullFetch))
            #expect(try !all.describe(code: Self.noSuchKey, locale: "zh-Hant").fallback)
        }
        #expect(server.log.count("/v1/catalog/snapshot") == 2)
    }

    @Test func concurrentSyncsShareOneRound() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let server = Self.server(changes: { _, _ in ScriptedServer.problem(.gone, reason: "ResyncRequired") }, document: Self.revisionSeven)
        try await server.run { (url) async throws in
            // Whether the second call joins the first or comes after it (and is skipped), the server is asked once.
            let client = ErrataClient.make(cache: cache, server: url, minimumSyncInterval: 3_600)
            async let first = client.sync()
            async let second = client.sync()
            let outcomes = try await [first, second]
            #expect(outcomes.allSatisfy { $0.revision == 7 })
        }
        #expect(server.log.all == ["/v1/catalog/changes?since=0", "/v1/catalog/snapshot"])
    }

    @Test func withoutAServerSyncFails() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        await #expect(throws: SyncError.noServer) {
            _ = try await ErrataClient.make(cache: cache).sync()
        }
    }
}
