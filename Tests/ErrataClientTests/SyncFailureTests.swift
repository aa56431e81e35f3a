import ErrataClient
import ErrataCore
import Foundation
import Hummingbird
import Testing

/// A failed sync leaves the catalog in use, the cache file and the revision as they were.
@Suite struct SyncFailureTests {
    static let noSuchKey = ErrorCode("NoSuchKey")
    static let revisionEight = Documents.edited(revision: 8, message: "Message at 8.", remediation: "Remediation at 8.")

    /// Runs a sync from a cache at revision 5 against a server whose snapshot answer is `snapshot`,
    /// and checks that nothing changed.
    /// - Returns: The error the sync threw.
    func failedSync(snapshot: @escaping @Sendable () throws -> Response) async throws -> SyncError? {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let server = ScriptedServer(
            changes: { _, _ in ScriptedServer.problem(.gone, reason: "ResyncRequired") },
            snapshot: { try snapshot() }
        )
        return try await server.run { (url) async throws in
            try CacheFileTests.cacheFile(document: CacheFileTests.edited, server: url).write(to: cache.catalogFile)
            let before = try Data(contentsOf: cache.catalogFile)
            let client = ErrataClient.make(cache: cache, server: url)
            var thrown: SyncError?
            do throws(SyncError) {
                _ = try await client.sync()
            } catch {
                thrown = error
            }
            #expect(client.revision == 5)
            #expect(try client.describe(code: Self.noSuchKey).message == "Cached message.")
            #expect(try Data(contentsOf: cache.catalogFile) == before, "the cache file is intact")
            #expect(try cache.fileNames() == ["catalog.json"], "no temporary file is left behind")
            #expect(ErrataClient.make(cache: cache).revision == 5)
            return thrown
        }
    }

    @Test func aServerStoppingMidBodyLeavesEverythingIntact() async throws {
        let body = try json(Self.revisionEight)
        let error = try await failedSync { ScriptedServer.droppedMidBody(body) }
        guard case .unreachable? = error else {
            Issue.record("expected .unreachable, got \(String(describing: error))")
            return
        }
    }

    @Test func aTruncatedBodyIsRejected() async throws {
        let body = try json(Self.revisionEight)
        let error = try await failedSync { ScriptedServer.ok(body.prefix(body.count / 2)) }
        guard case .malformedResponse? = error else {
            Issue.record("expected .malformedResponse, got \(String(describing: error))")
            return
        }
    }

    @Test func aDocumentOfAnotherFormatIsRejected() async throws {
        var document = Self.revisionEight
        document.formatVersion = 2
        let encoded = try json(document)
        let error = try await failedSync { ScriptedServer.ok(encoded) }
        guard case .unsupportedFormat(_, formatVersion: 2)? = error else {
            Issue.record("expected .unsupportedFormat, got \(String(describing: error))")
            return
        }
    }

    @Test func anErrorStatusIsReported() async throws {
        let error = try await failedSync { ScriptedServer.problem(.internalServerError, reason: "InternalError") }
        guard case .unexpectedStatus(_, status: 500)? = error else {
            Issue.record("expected .unexpectedStatus, got \(String(describing: error))")
            return
        }
    }

    @Test func aCacheThatCannotBeWrittenFailsTheSyncAndChangesNothing() async throws {
        let parent = try TemporaryDirectory()
        defer { parent.remove() }
        // A regular file where the cache directory should be: no cache file can be written under it.
        let blocked = parent.url.appendingPathComponent("not-a-directory")
        try Data("x".utf8).write(to: blocked)
        let server = ScriptedServer(
            changes: { _, _ in ScriptedServer.problem(.gone, reason: "ResyncRequired") },
            snapshot: { ScriptedServer.ok(try json(Self.revisionEight)) }
        )
        try await server.run { (url) async throws in
            let client = ErrataClient(configuration: ClientConfiguration(
                serverURL: url, cacheDirectory: blocked, timeout: ErrataClient.testTimeout
            ))
            await #expect {
                _ = try await client.sync()
            } throws: { error in
                guard case SyncError.cacheUnwritable = error else { return false }
                return true
            }
            #expect(client.revision == 0, "memory and disk stay in step")
        }
    }

    @Test func aServerThatIsGoneIsReported() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        // A port that was just listening and is now closed.
        let server = ScriptedServer(changes: { _, _ in ScriptedServer.notModified }, snapshot: { ScriptedServer.notModified })
        let url = try await server.run { $0 }
        let client = ErrataClient.make(cache: cache, server: url)
        await #expect {
            _ = try await client.sync()
        } throws: { error in
            guard case SyncError.unreachable = error else { return false }
            return true
        }
        #expect(client.revision == 0)
        #expect(try cache.fileNames().isEmpty)
    }
}
