import ErrataCore
import ErrataTestSupport
import Foundation
import Testing

/// SIGTERM on a real `errata-server` with a request in flight: the request completes, new
/// connections are refused, the process exits 0.
@Suite struct GracefulShutdownTests {
    /// Starts a server with `arguments`, runs `body` (which sends SIGTERM), then expects the process to exit 0.
    func withServer(arguments: [String] = [], _ body: (ServerProcess) async throws -> Void) async throws {
        let directory = try ServerProcessLifecycleTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await ServerProcess(
            database: directory.appendingPathComponent("errata.sqlite").path, localizations: TestService.localizations, arguments: arguments
        )
        try await body(server)
        await server.exited()
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)
    }

    @Test func sigtermLetsTheRequestInFlightFinish() async throws {
        try await withServer { (server) async throws in
            // A client that sends its body slowly: the server is reading it when SIGTERM arrives. It
            // pipelines the request behind a complete one in a single write, so once the first answer
            // arrives the server has read the second head as well: the request is in flight, not yet to come.
            let body = Array(#"{"jsonrpc":"2.0","id":1,"method":"errors.describe","params":{"code":"NoSuchKey","locale":"en"}}"#.utf8)
            let connection = try RawHTTPConnection(port: server.port, timeout: 30)
            let first = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            let head = "POST /rpc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
            #expect(await connection.send(Array((first + head).utf8) + body.prefix(10)))
            #expect(await connection.receive().hasPrefix("HTTP/1.1 200"))

            kill(server.process.processIdentifier, SIGTERM)
            // The listening socket closes first: a new connection is refused while the request is in flight.
            #expect(try await eventually { (try? RawHTTPConnection(port: server.port, timeout: 1)) == nil })
            #expect(server.process.isRunning)

            #expect(await connection.send(body.dropFirst(10)))
            let response = await connection.receive()
            #expect(response.hasPrefix("HTTP/1.1 200"))
            #expect(response.contains(#""result""#))
            #expect(await connection.waitForClose())
        }
    }

    @Test func duringTheDrainDelayReadinessFailsAndTheServerStillAnswers() async throws {
        // A long delay: under a loaded machine (the whole suite runs in parallel), every probe below must
        // still land inside it, and the process then exits on its own once it has passed.
        try await withServer(arguments: ["--drain-delay", "20"]) { (server) async throws in
            let probe = "GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            #expect(try await RawHTTPConnection.exchange(port: server.port, head: probe).hasPrefix("HTTP/1.1 200"))

            kill(server.process.processIdentifier, SIGTERM)
            var answer = ""
            #expect(try await eventually(within: .seconds(20)) {
                answer = try await RawHTTPConnection.exchange(port: server.port, head: probe)
                return answer.hasPrefix("HTTP/1.1 503")
            })
            #expect(answer.contains(#""condition":"draining""#), "\(answer)")
            #expect(answer.lowercased().contains("cache-control: no-store"))
        }
    }

    @Test func aDeltaFeedRequestWaitingForAPublishIsAnsweredAtOnceOnSigterm() async throws {
        try await withServer { (server) async throws in
            // Pipelined behind a complete request, as above: once the first answer arrives, the feed request is in flight.
            let connection = try RawHTTPConnection(port: server.port, timeout: 30)
            let requests = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /v1/catalog/changes?since=1&wait=30 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            #expect(await connection.send(Array(requests.utf8)))
            #expect(await connection.receive().hasPrefix("HTTP/1.1 200"))
            let start = ContinuousClock.now
            kill(server.process.processIdentifier, SIGTERM)
            let response = await connection.receive()
            #expect(response.hasPrefix("HTTP/1.1 200"), "\(response)")
            #expect(response.contains(#""toRevision":1"#))
            // Not the rest of the 30 s wait, nor the 30 s grace period.
            #expect(ContinuousClock.now - start < .seconds(10))
        }
    }

    @Test func aRequestThatNeverEndsIsCancelledAfterTheGracePeriod() async throws {
        // An idle timeout of an hour: nothing but the grace period can end the request within the
        // bound below, however loaded the machine is.
        try await withServer(arguments: ["--grace-period", "1", "--idle-timeout", "3600"]) { (server) async throws in
            // As above, the second request is in flight once the first is answered; its body never comes.
            let connection = try RawHTTPConnection(port: server.port, timeout: 300)
            let requests = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nPOST /rpc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
            #expect(await connection.send(Array(requests.utf8)))
            #expect(await connection.receive().hasPrefix("HTTP/1.1 200"))

            let signalled = ContinuousClock.now
            kill(server.process.processIdentifier, SIGTERM)
            #expect(await connection.waitForClose())
            await server.exited()
            // Far below the hour the idle timeout would take: the grace period ended the request.
            #expect(ContinuousClock.now - signalled < .seconds(300))
        }
    }
}
