import ErrataClient
import ErrataCore
import Foundation
import Hummingbird
import Testing

/// A delta is appended to `changes.log` instead of rewriting the cached catalog, and the log is
/// replayed on launch without ever mixing revisions.
@Suite struct ChangeLogTests {
    static let noSuchKey = ErrorCode("NoSuchKey")

    /// The remediation of NoSuchKey in English, changed at `revision`.
    static func change(_ text: String, revision: Int) -> TextChange {
        TextChange(key: Documents.key(.remediation), text: text, revision: revision)
    }

    /// A server whose feed answers `since` N with one change to revision N + 1.
    static func server() -> ScriptedServer {
        ScriptedServer(
            changes: { since, _ in try ScriptedServer.changes(from: since, to: since + 1, [change("Steps at \(since + 1).", revision: since + 1)]) },
            snapshot: { ScriptedServer.ok(try json(Documents.edited(revision: 9, message: "Fetched.", remediation: "Fetched."))) }
        )
    }

    /// Runs `body` with a cache holding `CacheFileTests.edited` (revision 5) from the scripted server.
    func withCachedBase(server: ScriptedServer = server(), _ body: @escaping @Sendable (URL, TemporaryDirectory) async throws -> Void) async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        try await server.run { (url) async throws in
            try CacheFileTests.cacheFile(document: CacheFileTests.edited, server: url).write(to: cache.catalogFile)
            try await body(url, cache)
        }
    }

    static func logFile(_ cache: TemporaryDirectory) -> URL {
        cache.url.appendingPathComponent("changes.log")
    }

    @Test func deltasAreAppendedAndReplayedOnLaunch() async throws {
        try await withCachedBase { (url: URL, cache: TemporaryDirectory) async throws in
            let base = try Data(contentsOf: cache.catalogFile)
            let client = ErrataClient.make(cache: cache, server: url)
            #expect(try await client.sync() == .updated(from: 5, to: 6, method: .delta))
            #expect(try await client.sync() == .updated(from: 6, to: 7, method: .delta))
            #expect(try Data(contentsOf: cache.catalogFile) == base, "the base file is not rewritten for a delta")
            #expect(try cache.fileNames() == ["catalog.json", "changes.log"])
            let relaunched = ErrataClient.make(cache: cache)
            #expect(relaunched.revision == 7)
            #expect(try relaunched.describe(code: Self.noSuchKey).remediation == "Steps at 7.")
            #expect(try relaunched.describe(code: Self.noSuchKey).message == "Cached message.")
        }
    }

    @Test func aTornLastRecordIsIgnoredAndTheNextRecordStillCounts() async throws {
        try await withCachedBase { (url: URL, cache: TemporaryDirectory) async throws in
            #expect(try await ErrataClient.make(cache: cache, server: url).sync() == .updated(from: 5, to: 6, method: .delta))
            // A crash in the middle of appending the next record.
            let handle = try FileHandle(forWritingTo: Self.logFile(cache))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(#"{"changes":{"fromRevision":6,"toRev"#.utf8))
            try handle.close()
            let warnings = WarningLog()
            let relaunched = ErrataClient.make(cache: cache, server: url, warnings: warnings)
            #expect(relaunched.revision == 6)
            #expect(try relaunched.describe(code: Self.noSuchKey).remediation == "Steps at 6.")
            #expect(warnings.all.isEmpty)
            #expect(try await relaunched.sync() == .updated(from: 6, to: 7, method: .delta))
            #expect(ErrataClient.make(cache: cache).revision == 7)
        }
    }

    @Test func aLogThatDoesNotContinueTheBaseIsIgnored() async throws {
        try await withCachedBase { (url: URL, cache: TemporaryDirectory) async throws in
            #expect(try await ErrataClient.make(cache: cache, server: url).sync() == .updated(from: 5, to: 6, method: .delta))
            // Another base at revision 6 under the log of revision 5 → 6: the record must not apply to it.
            let other = Documents.edited(revision: 6, message: "Other base.", remediation: "Other steps.")
            try CacheFileTests.cacheFile(document: other, server: url).write(to: cache.catalogFile)
            let relaunched = ErrataClient.make(cache: cache)
            #expect(relaunched.revision == 6)
            #expect(try relaunched.describe(code: Self.noSuchKey).remediation == "Other steps.")
        }
    }

    @Test func aRecordWrittenByAnOlderClientIsSkippedAndSyncedAgain() async throws {
        try await withCachedBase { (url: URL, cache: TemporaryDirectory) async throws in
            // A delta logged before the feed carried review states and locales: applying it could clear review flags.
            let old = #"{"changes":{"changes":[{"code":"NoSuchKey","field":"remediation","locale":"en","revision":6,"text":"Old steps.","variant":null}],"fromRevision":5,"removed":[],"toRevision":6},"savedAt":"2025-06-01T12:00:00Z"}"#
            try Data((old + "\n").utf8).write(to: Self.logFile(cache))
            let warnings = WarningLog()
            let relaunched = ErrataClient.make(cache: cache, server: url, warnings: warnings)
            #expect(relaunched.revision == 5)
            #expect(warnings.all.isEmpty)
            #expect(try await relaunched.sync() == .updated(from: 5, to: 6, method: .delta))
            #expect(try ErrataClient.make(cache: cache).describe(code: Self.noSuchKey).remediation == "Steps at 6.")
        }
    }

    @Test func aLaunchKeepingFewerLocalesFiltersTheLoggedDeltasToo() async throws {
        try await withCachedBase { (url: URL, cache: TemporaryDirectory) async throws in
            #expect(try await ErrataClient.make(cache: cache, server: url).sync() == .updated(from: 5, to: 6, method: .delta))
            let simplified = LanguageTag(rawValue: "zh-Hans")!
            let relaunched = ErrataClient.make(cache: cache, locales: [simplified])
            #expect(relaunched.revision == 6)
            #expect(relaunched.snapshot.catalog.locales.map(\.tag) == [.english, simplified])
            #expect(try relaunched.describe(code: Self.noSuchKey).remediation == "Steps at 6.")
        }
    }

    @Test func aFullFetchReplacesTheBaseAndDropsTheLog() async throws {
        let server = ScriptedServer(
            changes: { since, _ in
                since == 5
                    ? try ScriptedServer.changes(from: 5, to: 6, [Self.change("Steps at 6.", revision: 6)])
                    : ScriptedServer.problem(.gone, reason: "ResyncRequired")
            },
            snapshot: { ScriptedServer.ok(try json(Documents.edited(revision: 9, message: "Fetched.", remediation: "Fetched."))) }
        )
        try await withCachedBase(server: server) { (url: URL, cache: TemporaryDirectory) async throws in
            let client = ErrataClient.make(cache: cache, server: url)
            #expect(try await client.sync() == .updated(from: 5, to: 6, method: .delta))
            #expect(try await client.sync() == .updated(from: 6, to: 9, method: .fullFetch))
            #expect(try cache.fileNames() == ["catalog.json"])
            #expect(try ErrataClient.make(cache: cache).describe(code: Self.noSuchKey).remediation == "Fetched.")
        }
    }

    @Test func aLogGrownPastAQuarterOfTheBaseIsCompactedIntoIt() async throws {
        let long = String(repeating: "Long steps. ", count: 8_000)
        let server = ScriptedServer(
            changes: { since, _ in try ScriptedServer.changes(from: since, to: since + 1, [Self.change(long, revision: since + 1)]) },
            snapshot: { ScriptedServer.ok(Data()) }
        )
        try await withCachedBase(server: server) { (url: URL, cache: TemporaryDirectory) async throws in
            #expect(try await ErrataClient.make(cache: cache, server: url).sync() == .updated(from: 5, to: 6, method: .delta))
            #expect(try cache.fileNames() == ["catalog.json"], "the log was folded into a new base")
            let relaunched = ErrataClient.make(cache: cache)
            #expect(relaunched.revision == 6)
            #expect(try relaunched.describe(code: Self.noSuchKey).remediation == long)
        }
    }
}
