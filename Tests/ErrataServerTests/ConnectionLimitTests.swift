import ErrataServer
import Hummingbird
import HummingbirdTesting
import Testing

/// Clients that send too much, or too slowly, lose their connection instead of holding it.
@Suite struct ConnectionLimitTests {
    /// A client that writes a whole body over the limit before reading anything gets its 413 and
    /// then end-of-file: the server reads and drops the rest instead of leaving the client blocked.
    @Test func aBodyOverTheLimitIsAnsweredAndTheConnectionClosed() async throws {
        try await TestService().test(.live) { client in
            let port = try #require(client.port)
            let connection = try RawHTTPConnection(port: port, timeout: 60)
            let body = [UInt8](repeating: UInt8(ascii: " "), count: 8 << 20)
            let started = ContinuousClock.now
            #expect(await connection.send(Array("POST /rpc HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8)))
            let sentWholeBody = await connection.send(body)
            #expect(sentWholeBody, "the server stopped reading the body")
            let answer = await connection.receive()
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
            #expect(answer.lowercased().contains("\r\nconnection: close\r\n"), "\(answer.prefix(400))")
            #expect(await connection.waitForClose())
            #expect(ContinuousClock.now - started < .seconds(60))
            // The service goes on serving.
            #expect(try await client.execute(uri: "/v1/errors/SlowDown", method: .get).status == .ok)
        }
    }

    /// A pipelined request whose head arrives before the previous answer goes out is answered too:
    /// that answer is not an early one, so it keeps the connection open.
    @Test func aPipelinedRequestStillBeingSentIsAnswered() async throws {
        try await TestService().test(.live) { client in
            let connection = try RawHTTPConnection(port: try #require(client.port), timeout: 30)
            let body = Array(#"{"jsonrpc":"2.0","id":1,"method":"locales.list"}"#.utf8)
            let first = "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
            let second = "POST /rpc HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
            #expect(await connection.send(Array((first + second).utf8) + body.prefix(5)))
            let firstAnswer = await connection.receive()
            #expect(firstAnswer.hasPrefix("HTTP/1.1 200"))
            #expect(!firstAnswer.lowercased().contains("connection: close"), "\(firstAnswer)")
            #expect(await connection.send(body.dropFirst(5)))
            let secondAnswer = await connection.receive()
            #expect(secondAnswer.hasPrefix("HTTP/1.1 200") && secondAnswer.contains(#""result""#), "\(secondAnswer)")
        }
    }

    /// A request trickled one byte at a time, each well within the idle timeout, still has to be
    /// complete within it; meanwhile other clients are served.
    @Test(arguments: ["GET /v1/errors/NoSuchKey HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", "POST /rpc HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"])
    func aTricklingClientIsDisconnectedWhileOthersAreServed(start: String) async throws {
        var service = try await TestService()
        service.configuration.idleTimeout = .seconds(1)
        try await service.test(.live) { (client) async throws in
            let port = try #require(client.port)
            let trickling = try RawHTTPConnection(port: port, timeout: 30)
            let started = ContinuousClock.now
            await trickling.send(Array(start.utf8))
            // One byte per request served to someone else, until the server hangs up (or the failure bound).
            while await trickling.send(Array(" ".utf8)), ContinuousClock.now - started < .seconds(30) {
                let other = try RawHTTPConnection(port: port, timeout: 30)
                await other.send(Array("GET /v1/errors/SlowDown HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8))
                #expect(await other.receive().hasPrefix("HTTP/1.1 200"))
                try await Task.sleep(for: .milliseconds(50))  // the trickle's pace; the outcome does not depend on it
            }
            #expect(await trickling.waitForClose())
            #expect(ContinuousClock.now - started < .seconds(30), "the trickling client was not disconnected")
        }
    }
}
