import ErrataClient
import ErrataCore
import Foundation
import Testing
import HTTPTypes

/// What one reader saw while a sync ran.
struct Reader: Sendable {
    var lookups = 0
    var mixed = 0
    var sawNewRevision = false
}

/// Lookups stay synchronous and consistent while a sync replaces the catalog.
@Suite struct ConcurrentLookupTests {
    static let noSuchKey = ErrorCode("NoSuchKey")
    static let revisionEight = Documents.edited(revision: 8, message: "Message at 8.", remediation: "Remediation at 8.")

    @Test func lookupsDuringASyncSeeOneRevisionOrTheOther() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        // The new catalog is only sent once the readers are reading, so lookups overlap the sync.
        let readersStarted = Gate()
        let server = ScriptedServer(
            changes: { _, _ in ScriptedServer.problem(.gone, reason: "ResyncRequired") },
            snapshot: {
                await readersStarted.wait()
                return ScriptedServer.ok(try json(Self.revisionEight))
            }
        )
        let old = try ErrataClient.make(cache: cache).describe(code: Self.noSuchKey)
        try await server.run { (url) async throws in
            let client = ErrataClient.make(cache: cache, server: url)
            try await withThrowingTaskGroup(of: Reader.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        // Read until the new revision shows up; yielding lets the sync make progress on 2 cores.
                        var reader = Reader()
                        while reader.lookups < 1_000_000 {
                            let seen = try client.describe(code: Self.noSuchKey)
                            reader.lookups += 1
                            if reader.lookups == 100 { readersStarted.open() }
                            let texts = (seen.message, seen.remediation)
                            switch seen.revision {
                            case 0 where texts == (old.message, old.remediation): break
                            case 8 where texts == ("Message at 8.", "Remediation at 8."):
                                reader.sawNewRevision = true
                                return reader
                            default: reader.mixed += 1
                            }
                            await Task.yield()
                        }
                        return reader
                    }
                }
                #expect(try await client.sync() == .updated(from: 0, to: 8, method: .fullFetch))
                let readers = try await group.reduce(into: [Reader]()) { $0.append($1) }
                #expect(readers.allSatisfy { $0.sawNewRevision })
                #expect(readers.allSatisfy { $0.mixed == 0 })
                #expect(readers.map(\.lookups).reduce(0, +) > 100, "lookups ran while the sync was in flight")
            }
        }
    }
}
