import ErrataClient
import ErrataCore
import Foundation
import Testing

/// The client against a real `errata-server` application on an ephemeral loopback port.
@Suite struct LiveServerTests {
    static let noSuchKey = ErrorCode("NoSuchKey")

    @Test func theFirstSyncReachesTheServersRevisionAndSurvivesItsShutdown() async throws {
        let cache = try TemporaryDirectory()
        let server = try await LiveServer()
        defer {
            cache.remove()
            server.remove()
        }
        let url = try await server.run { (url) async throws in
            let client = ErrataClient.make(cache: cache, server: url)
            let outcome = try await client.sync()
            #expect(outcome.revision == 1)
            #expect(client.revision == 1)
            return url
        }
        // The server is gone: the cache still serves, and a sync fails without harm.
        let client = ErrataClient.make(cache: cache, server: url)
        #expect(client.revision == 1)
        #expect(try client.describe(code: Self.noSuchKey, locale: "zh-Hans").revision == 1)
        await #expect {
            _ = try await client.sync()
        } throws: { error in
            guard case SyncError.unreachable = error else { return false }
            return true
        }
        #expect(client.revision == 1)
    }
}
