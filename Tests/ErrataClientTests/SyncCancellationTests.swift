@testable import ErrataClient
import Foundation
import Testing

/// A sync request cancelled while the server holds it ends at once, with an error, and the
/// transport stays usable.
///
/// FoundationNetworking's own `data(for:)` can deadlock when the cancel meets the answer
/// (swift-corelibs-foundation#5412): a follower stopped at that moment during a benchmark run never
/// exited (its threads, seen with gdb, waited on each other's locks). That window is too narrow to
/// hit on purpose (300 requests cancelled at every stage did not, with `data(for:)` either); this
/// checks that ``URLSession/cancellableData(for:)`` still cancels, before the request leaves and
/// while the server holds it.
///
/// A cancel that is ignored shows as an answer after the feed's 30 s; the time limit is there only
/// for a deadlock, so it is far above what this test takes in a full parallel run, where every test
/// shares the cores with 570 others and takes over a minute of wall time (a one-minute limit failed CI).
@Suite struct SyncCancellationTests {
    @Test(.timeLimit(.minutes(10)))
    func aRequestTheServerHoldsEndsWhenCancelled() async throws {
        let server = try await LiveServer()
        defer { server.remove() }
        try await server.run { url in
            let transport = SyncTransport(serverURL: url, accessToken: nil, timeout: 50)
            defer { transport.invalidate() }
            for yields in [0, 1, 10, 100, 1_000] {
                // The feed holds a request for the served revision until a publish, up to 30 s (its most).
                let held = Task { try await transport.changes(since: 1, waitingAtMost: 30) }
                for _ in 0..<yields { await Task.yield() }
                held.cancel()
                guard case .failure = await held.result else {
                    Issue.record("a request cancelled after \(yields) yields was answered")
                    continue
                }
            }
            guard case .changes = try await transport.changes(since: 0) else {
                Issue.record("the feed did not answer its changes")
                return
            }
        }
    }
}
