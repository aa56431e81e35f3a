import ErrataCore
import ErrataStore
import ErrataTestSupport
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real `errata-server serve` process: it stops cleanly on SIGTERM and serves what other processes publish.
@Suite struct ServerProcessLifecycleTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-lifecycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func sigtermStopsGracefullyAndClosesTheDatabase() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("errata.sqlite").path
        let server = try await ServerProcess(database: database, localizations: TestService.localizations)
        _ = try await HTTPJSONClient(baseURL: server.baseURL, token: nil).call("errors.describe", ["code": "NoSuchKey"])
        server.stop()
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)
        // The write-ahead log was copied into the database file and truncated.
        let log = try? FileManager.default.attributesOfItem(atPath: database + "-wal")[.size] as? Int
        #expect((log ?? 0) == 0)
    }

    @Test func aPublishByAnotherProcessIsServedWithoutARestart() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("errata.sqlite").path
        let server = try await ServerProcess(database: database, localizations: TestService.localizations)
        defer { server.stop() }
        let store = try CatalogStore(path: database, logger: TestService.logger)
        let revision = try await CatalogWatcherTests.publish("Published by another process.", through: store)

        let client = HTTPJSONClient(baseURL: server.baseURL, token: nil)
        // The watcher checks every second; the deadline only bounds a failure, on however loaded a machine.
        #expect(try await eventually(within: .seconds(60)) {
            try await client.call("errors.describe", ["code": "NoSuchKey", "locale": "en"])["result"]?["revision"] == .integer(Int64(revision))
        })
    }
}
