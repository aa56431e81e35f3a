import ErrataCore
import ErrataServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The reads answered on the event loop are byte for byte the router's answers (but for `Date`),
/// with the same log lines and metrics: every route × header combination goes to a server with the
/// fast path and to one without, over raw connections, and the answers are compared.
@Suite struct EventLoopReadEquivalenceTests {
    static let allowedOrigin = "https://console.example.com"
    static let paths = [
        "/v1/errors/NoSuchKey", "/v1/errors/NoSuchKey?locale=fr", "/v1/errors/NoSuchKey?variant=nope", "/v1/errors/NoSuchKye",
        "/v1/errors/NoSuchKey/", "/v1/errors/No%53uchKey", "/v1/errors/NoSuchKey?token=secret", "/v1/errors",
        "/v1/errors?category=client&httpStatus=404", "/v1/errors?httpStatus=abc", "/v1/catalog?locale=en", "/v1/catalog", "/v1/locales",
        "/docs/errors/NoSuchKey", "/docs/errors/NoSuchKey?locale=zh-Hant", "/docs/errors/NoSuchKey?variant=nope", "/docs/errors/NoSuchKye",
        "/docs/errors/BucketNotEmpty?variant=multipartUploads", "/docs/errors/NoSuchKey/",
    ]
    static let headerSets: [[String]] = [
        [],
        ["Accept-Language: zh-CN,en;q=0.8", "X-Request-ID: given-1"],
        ["Accept-Language: zh-TW,zh;q=0.8,en;q=0.5", "Accept-Encoding: gzip, deflate"],
        ["Origin: \(allowedOrigin)", "Accept-Language: de-CH"],
        ["Origin: https://elsewhere.example", "X-Request-ID: has space"],
        ["Accept: application/json", "Accept-Language: ja"],
    ]

    /// With `fromBytes`, most reads are answered from ready responses (``ReadyResponseHandler``);
    /// without, all after NIO's decoder (``EventLoopReadHandler``), as connections handed over are.
    @Test(arguments: [[], [allowedOrigin]], [true, false])
    func everyReadIsAnsweredAsTheRouterAnswersIt(corsAllowedOrigins: [String], fromBytes: Bool) async throws {
        // The test clients connect at once but are first used for the metrics at the end, which under the
        // whole suite's load comes more than the default 60 s later: the servers must not close them as idle.
        let service = try await TestService(configuration: .init(port: 0, corsAllowedOrigins: corsAllowedOrigins, idleTimeout: .seconds(900)))
        let fastLog = RequestLogTests.CapturedLog()
        let routerLog = RequestLogTests.CapturedLog()
        let fast = buildApplication(
            configuration: service.configuration, store: service.store, live: service.live, logger: fastLog.logger, answersFromBytes: fromBytes
        )
        let router = buildApplication(
            configuration: service.configuration, store: service.store, live: service.live, logger: routerLog.logger, answersReadsOnEventLoop: false
        )
        try await fast.test(.live) { fastClient in
            try await router.test(.live) { routerClient in
                let ports = (fast: try #require(fastClient.port), router: try #require(routerClient.port))
                // Finding the entity tags makes the same requests of both, so their logs and metrics stay comparable.
                let exchanges = try await Self.exchanges(port: ports.router)
                #expect(try await Self.exchanges(port: ports.fast) == exchanges)
                for exchange in exchanges {
                    let fastAnswer = try await Self.send(exchange, port: ports.fast)
                    let routerAnswer = try await Self.send(exchange, port: ports.router)
                    #expect(fastAnswer == routerAnswer, "\(exchange)")
                }
                let fastMetrics = try await Self.requestCounts(fastClient)
                #expect(fastMetrics == (try await Self.requestCounts(routerClient)))
                #expect(fastMetrics.contains { $0.contains("route=\"/v1/errors/{code}\"") && $0.contains("status=\"304\"") })
            }
        }
        #expect(try Self.requestLines(fastLog) == Self.requestLines(routerLog))
    }

    /// Requests sent one after another on a connection kept alive go to the fast path each time,
    /// also after a request the router answered.
    @Test func keptAliveConnectionsAlternateBetweenThePaths() async throws {
        let service = try await TestService()
        let log = RequestLogTests.CapturedLog()
        try await service.test(.live, logger: log.logger) { client in
            let connection = try RawHTTPConnection(port: try #require(client.port), timeout: 30)
            for path in ["/v1/errors/NoSuchKey", "/v1/errors/NoSuchKye", "/v1/errors/NoSuchKey", "/healthz", "/v1/locales"] {
                await connection.send(Array("GET \(path) HTTP/1.1\r\nHost: test\r\n\r\n".utf8))
                let answer = await connection.receive()
                #expect(answer.hasPrefix(path.contains("Kye") ? "HTTP/1.1 404" : "HTTP/1.1 200"), "\(path): \(answer)")
            }
        }
        #expect(try log.entries().filter { $0["message"] == "Request" }.count == 5)
    }

    // MARK: - Support

    /// Each exchange: a request under test, then (pipelined on the same connection) a routed request that closes it.
    static func exchanges(port: Int) async throws -> [String] {
        var exchanges: [String] = []
        for path in paths {
            for method in ["GET", "HEAD"] {
                for headers in headerSets {
                    exchanges.append(request(method, path, headers))
                    let first = try await RawHTTPConnection.exchange(port: port, head: request("GET", path, headers + ["Connection: close"]))
                    if let tag = first.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("etag: ") })?.dropFirst(6) {
                        exchanges.append(request(method, path, headers + ["If-None-Match: \"other\", \(tag)"]))
                    }
                }
            }
        }
        // HTTP/1.0, and three pipelined requests where a routed one sits between two reads.
        exchanges.append("GET /v1/errors/NoSuchKey HTTP/1.0\r\nX-Request-ID: old\r\n\r\n")
        exchanges.append(request("GET", "/v1/locales", []) + request("GET", "/v1/errors/NoSuchKye", []) + request("HEAD", "/v1/errors", []))
        return exchanges
    }

    static func request(_ method: String, _ path: String, _ headers: [String]) -> String {
        "\(method) \(path) HTTP/1.1\r\nHost: test\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n"
    }

    /// Sends `exchange` and a closing request, and reads every answer, without the `Date` headers
    /// and with generated request ids masked.
    static func send(_ exchange: String, port: Int) async throws -> String {
        let connection = try RawHTTPConnection(port: port, timeout: 30)
        await connection.send(Array((exchange + request("GET", "/v1/locales", ["X-Request-ID: tail", "Connection: close"])).utf8))
        let answer = await connection.receiveUntilClosed()
        #expect(answer.contains(/\r\nDate: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT\r\n/))
        return answer.replacing(/\r\nDate: [^\r]*/, with: "")
            .replacing(/\r\nX-Request-ID: (?!given-1|old|tail)[^\r]*/, with: "\r\nX-Request-ID: generated")
    }

    /// The request counter lines of `/metrics`: by route, method and status, the 304s, and the timed requests.
    static func requestCounts(_ client: any TestClientProtocol) async throws -> [String] {
        let text = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
        return text.split(separator: "\n").map(String.init).filter {
            $0.hasPrefix("errata_http_requests_total") || $0.hasPrefix("errata_http_not_modified_total")
                || $0.hasPrefix("errata_http_request_duration_seconds_count")
        }.sorted()
    }

    /// Every request line's method, route, status and size, in order; but `/metrics`, whose size depends on timings.
    static func requestLines(_ log: RequestLogTests.CapturedLog) throws -> [String] {
        try log.entries().filter { $0["message"] == "Request" && $0["metadata"]?["http.route"] != "/metrics" }.map { line in
            let metadata = line["metadata"]
            return ["http.method", "http.route", "http.status", "http.response_bytes"].map { "\(metadata?[$0] ?? .null)" }.joined(separator: " ")
        }
    }
}
