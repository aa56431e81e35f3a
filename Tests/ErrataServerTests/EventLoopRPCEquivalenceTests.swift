import ErrataCore
@testable import ErrataServer
import ErrataStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOPosix
import Testing

/// `POST /rpc` answered on the event loop is byte for byte the router's answer (but for `Date`),
/// with the same log lines and metrics: every body and header case goes to a server with the fast
/// path and to one without, over raw connections, and the answers are compared. Each case also
/// says which path it takes, checked against ``EventLoopReads`` itself and by the thread each
/// request line is logged on, so that a fast path that passed everything on could not pass.
@Suite struct EventLoopRPCEquivalenceTests {
    typealias Reads = EventLoopReadEquivalenceTests

    /// One `POST` under test, and whether the event loop answers it.
    struct Post: CustomStringConvertible, Sendable {
        var body: String
        var headers: [String] = []
        var contentType = "application/json"
        var path = "/rpc"
        var onEventLoop: Bool

        var fields: [(name: String, value: String)] {
            [("Host", "test"), ("Content-Type", contentType), ("Content-Length", String(body.utf8.count))]
                + headers.map { header in
                    let parts = header.split(separator: ":", maxSplits: 1)
                    return (String(parts[0]), parts[1].trimmingCharacters(in: .whitespaces))
                }
        }

        var raw: String {
            "POST \(path) HTTP/1.1\r\n" + fields.map { "\($0.name): \($0.value)\r\n" }.joined() + "\r\n" + body
        }

        var description: String { raw }
    }

    static func call(_ method: String, _ params: String? = nil, id: String? = "1") -> String {
        #"{"jsonrpc":"2.0","method":"\#(method)""# + (params.map { #","params":\#($0)"# } ?? "") + (id.map { #","id":\#($0)"# } ?? "") + "}"
    }

    static let describe = call("errors.describe", #"{"code":"NoSuchKey"}"#)
    static let maximumBodySize = 8192

    static let posts: [Post] = [
        // Every immediate method, by name and by position.
        Post(body: describe, onEventLoop: true),
        Post(body: call("errors.describe", #"["NoSuchKey",null,"fr"]"#, id: #""two""#), onEventLoop: true),
        Post(body: call("errors.describe", #"{"code":"NoSuchKey","locale":"de-CH","params":{"bucket":"b"}}"#, id: "3"), onEventLoop: true),
        Post(body: call("errors.match", #"{"code":"NoSuchKey","serviceMessage":"The specified key does not exist."}"#), onEventLoop: true),
        Post(body: call("errors.explain", #"{"httpStatus":404,"body":"<Error><Code>NoSuchKey</Code></Error>"}"#), onEventLoop: true),
        Post(body: call("errors.list", #"{"category":"client","httpStatus":404}"#), onEventLoop: true),
        Post(body: call("catalog.get", #"["en"]"#), onEventLoop: true),
        Post(body: call("locales.list", id: "null"), onEventLoop: true),
        // Batches and notifications.
        Post(body: "[\(describe),\(call("errors.list", id: "2")),\(call("locales.list", id: nil)),\(call("errors.describe", #"["NoSuchBucket"]"#, id: "4"))]", onEventLoop: true),
        Post(body: call("errors.describe", #"{"code":"NoSuchKey"}"#, id: nil), onEventLoop: true),
        Post(body: "[\(call("locales.list", id: nil)),\(call("nope", id: nil))]", onEventLoop: true),
        // Errors the dispatcher answers without running anything that suspends.
        Post(body: #"{"jsonrpc":"2.0","#, onEventLoop: true),
        Post(body: "", onEventLoop: true),
        Post(body: "[]", onEventLoop: true),
        Post(body: "[" + Array(repeating: "1", count: 101).joined(separator: ",") + "]", onEventLoop: true),
        Post(body: String(repeating: "[", count: 40) + String(repeating: "]", count: 40), onEventLoop: true),
        Post(body: #"[1,"x",{"jsonrpc":"1.0","method":"locales.list","id":7},{"jsonrpc":"2.0","method":3,"id":8},{"jsonrpc":"2.0","id":1.5}]"#, onEventLoop: true),
        Post(body: call("errors.nope"), onEventLoop: true),
        Post(body: call("errors.describe", "{}"), onEventLoop: true),
        Post(body: call("errors.describe", #"{"code":"NoSuchKey","colour":"red"}"#), onEventLoop: true),
        Post(body: call("errors.describe", #"["NoSuchKey",null,"fr",{},"extra"]"#), onEventLoop: true),
        Post(body: call("errors.describe", #"{"code":"NoSuchKye"}"#), onEventLoop: true),
        Post(body: call("errors.list", #"{"httpStatus":"abc"}"#), onEventLoop: true),
        Post(body: call("errors.explain", "{}"), onEventLoop: true),
        // Headers that change the answer, and some that must not.
        Post(body: describe, headers: ["Accept-Language: zh-CN,en;q=0.8", "X-Request-ID: given-1"], onEventLoop: true),
        Post(body: describe, headers: ["Origin: \(Reads.allowedOrigin)"], onEventLoop: true),
        Post(body: describe, headers: ["Origin: https://elsewhere.example", "X-Request-ID: has space"], onEventLoop: true),
        Post(body: describe, headers: ["Authorization: Bearer not-a-token"], onEventLoop: true),
        Post(body: describe, contentType: "Application/JSON; charset=utf-8", onEventLoop: true),
        // What the router answers: calls that suspend, and requests that are not plain.
        Post(body: "[\(describe),\(call("admin.overview", id: "2"))]", onEventLoop: false),
        Post(body: call("session.whoami"), onEventLoop: false),
        Post(body: call("catalog.changes", #"{"since":0,"wait":0}"#), onEventLoop: false),
        Post(body: call("catalog.snapshot"), onEventLoop: false),
        Post(body: call("rpc.discover"), onEventLoop: true),
        Post(body: describe, contentType: "text/plain", onEventLoop: false),
        Post(body: describe, path: "/rpc?token=secret", onEventLoop: false),
        Post(body: describe, path: "/rpc/", onEventLoop: false),
        Post(body: describe, headers: ["Connection: keep-alive"], onEventLoop: false),
        Post(body: describe, headers: ["Expect: 100-continue"], onEventLoop: false),
        Post(body: String(repeating: " ", count: maximumBodySize) + describe, onEventLoop: false),
    ]

    /// Exchanges only a raw connection can make: other framings, versions and orders.
    static let rawExchanges: [String] = [
        // A chunked body, trickled in three chunks.
        "POST /rpc HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + chunked(describe, size: 20),
        "POST /rpc HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: \(describe.utf8.count)\r\nX-Request-ID: old\r\n\r\n\(describe)",
        // Pipelined: the loop's, the router's, then a read, which waits for the router's answer.
        Post(body: describe, onEventLoop: true).raw + Post(body: "[\(call("admin.overview"))]", onEventLoop: false).raw
            + Reads.request("GET", "/v1/errors/NoSuchKey", []),
        Post(body: describe, headers: ["Connection: close"], onEventLoop: false).raw,
    ]

    static func chunked(_ text: String, size: Int) -> String {
        var rest = Substring(text)
        var chunks = ""
        while !rest.isEmpty {
            let chunk = rest.prefix(size)
            chunks += String(chunk.utf8.count, radix: 16) + "\r\n" + chunk + "\r\n"
            rest = rest.dropFirst(size)
        }
        return chunks + "0\r\n\r\n"
    }

    /// With `fromBytes`, plain bodies are answered straight from the connection's bytes (``ReadyResponseHandler``);
    /// without, all after NIO's decoder (``EventLoopReadHandler``), as connections handed over are.
    @Test(arguments: [[], [Reads.allowedOrigin]], [true, false])
    func everyCallIsAnsweredAsTheRouterAnswersIt(corsAllowedOrigins: [String], fromBytes: Bool) async throws {
        let service = try await TestService(
            configuration: .init(port: 0, maximumBodySize: Self.maximumBodySize, corsAllowedOrigins: corsAllowedOrigins)
        )
        let reads = Self.reads(service)
        for post in Self.posts {
            #expect(Self.answersOnEventLoop(post, reads: reads) == post.onEventLoop, "\(post)")
        }
        // The raw exchanges' requests answered on the loop: the HTTP/1.0 one, and the first pipelined.
        let answeredOnLoop = Self.posts.filter(\.onEventLoop).count + 2
        try await Self.compare(service, exchanges: Self.posts.map(\.raw) + Self.rawExchanges, answeredOnLoop: answeredOnLoop, fromBytes: fromBytes)
    }

    /// With `--require-read-token` every call goes to the router, which checks the token first.
    @Test func protectedReadsTakeTheRouter() async throws {
        let service = try await TestService(configuration: .init(port: 0, requireReadToken: true))
        let token = try await service.store.createToken(name: "reader", scope: .read)
        let exchanges = [
            Post(body: Self.describe, headers: ["Authorization: Bearer \(token)"], onEventLoop: false).raw,
            Post(body: "[\(Self.describe),\(Self.call("locales.list", id: "2"))]", headers: ["Authorization: Bearer \(token)"], onEventLoop: false).raw,
            Post(body: Self.describe, onEventLoop: false).raw,
            Post(body: Self.describe, headers: ["Authorization: Bearer wrong"], onEventLoop: false).raw,
        ]
        try await Self.compare(service, exchanges: exchanges, answeredOnLoop: 0)
    }

    /// Calls sent one after another on a connection kept alive go to the event loop each time,
    /// also after a call the router answered.
    @Test func keptAliveConnectionsAlternateBetweenThePaths() async throws {
        let service = try await TestService()
        let witness = EventLoopWitness()
        let posts = [Post(body: Self.describe, onEventLoop: true), Post(body: Self.call("admin.overview"), onEventLoop: false), Post(body: Self.describe, onEventLoop: true)]
        try await service.test(.live, logger: witness.logger(alongside: RequestLogTests.CapturedLog().logger)) { client in
            let connection = try RawHTTPConnection(port: try #require(client.port), timeout: 30)
            for post in posts {
                await connection.send(Array(post.raw.utf8))
                let answer = await connection.receive()
                #expect(answer.hasPrefix("HTTP/1.1 200"), "\(post): \(answer)")
                #expect(answer.contains(post.onEventLoop ? #""result":"# : #""error":"#), "\(answer)")
            }
        }
        #expect(witness.routes == ["/rpc", "/rpc"])
    }

    // MARK: - Support

    /// Sends every exchange to a server with the fast path and one without, and compares their
    /// answers, their request and call counters and their request log lines; `answeredOnLoop` of
    /// the fast server's `/rpc` requests, and none of the router's, are logged on an event loop.
    static func compare(_ service: TestService, exchanges: [String], answeredOnLoop: Int, fromBytes: Bool = true) async throws {
        let fastLog = RequestLogTests.CapturedLog()
        let routerLog = RequestLogTests.CapturedLog()
        let fastLoop = EventLoopWitness()
        let routerLoop = EventLoopWitness()
        let fast = buildApplication(
            configuration: service.configuration, store: service.store, live: service.live, logger: fastLoop.logger(alongside: fastLog.logger),
            answersFromBytes: fromBytes
        )
        let router = buildApplication(
            configuration: service.configuration, store: service.store, live: service.live, logger: routerLoop.logger(alongside: routerLog.logger),
            answersReadsOnEventLoop: false
        )
        try await fast.test(.live) { fastClient in
            try await router.test(.live) { routerClient in
                let ports = (fast: try #require(fastClient.port), router: try #require(routerClient.port))
                for exchange in exchanges {
                    let fastAnswer = try await Reads.send(exchange, port: ports.fast)
                    let routerAnswer = try await Reads.send(exchange, port: ports.router)
                    #expect(fastAnswer == routerAnswer, "\(exchange)")
                }
                let fastCounts = try await counts(fastClient)
                #expect(fastCounts == (try await counts(routerClient)))
                #expect(fastCounts.contains { $0.contains("route=\"/rpc\"") })
            }
        }
        #expect(try Reads.requestLines(fastLog) == Reads.requestLines(routerLog))
        #expect(fastLoop.routes.filter { $0 == "/rpc" }.count == answeredOnLoop)
        #expect(routerLoop.routes.isEmpty)
    }

    /// The request counters (``EventLoopReadEquivalenceTests/requestCounts(_:)``) and the JSON-RPC call counters.
    static func counts(_ client: any TestClientProtocol) async throws -> [String] {
        let text = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
        let calls = text.split(separator: "\n").map(String.init).filter {
            $0.hasPrefix("errata_rpc_calls_total") || $0.hasPrefix("errata_rpc_call_duration_seconds_count")
        }
        return try await Reads.requestCounts(client) + calls.sorted()
    }

    /// The fast path of a server of `service`'s configuration, as `buildApplication` makes it.
    static func reads(_ service: TestService) -> EventLoopReads {
        let access = AccessControl(store: service.store)
        let dispatcher = buildDispatcher(configuration: service.configuration, live: service.live, access: access, service: service.edits)
        return EventLoopReads(
            live: service.live, logger: TestService.logger, cors: CORSAllowListMiddleware(allowedOrigins: service.configuration.corsAllowedOrigins),
            serverName: "errata", dispatcher: dispatcher, maximumBodySize: service.configuration.maximumBodySize, pages: nil
        )
    }

    static func answersOnEventLoop(_ post: Post, reads: EventLoopReads) -> Bool {
        var fields = HTTPFields()
        for field in post.fields { fields.append(HTTPField(name: HTTPField.Name(field.name)!, value: field.value)) }
        let head = HTTPRequest(method: .post, scheme: nil, authority: "test", path: post.path, headerFields: fields)
        guard reads.mayAnswerRPC(head) else { return false }
        return reads.rpcAnswer(head, body: ByteBuffer(string: post.body), peer: "127.0.0.1", date: "now") != nil
    }
}

/// Notes the route of each request line logged on an event loop thread: the requests the fast path answered.
final class EventLoopWitness: Sendable {
    private let seen = Locked<[String]>([])

    var routes: [String] { seen.withLock { $0 } }

    /// A logger that logs through `logger`'s handler and notes here.
    func logger(alongside logger: Logger) -> Logger {
        var witnessed = Logger(label: logger.label) { _ in MultiplexLogHandler([logger.handler, Handler(witness: self)]) }
        witnessed.logLevel = logger.logLevel
        return witnessed
    }

    private struct Handler: LogHandler {
        let witness: EventLoopWitness
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            guard event.message == "Request", case .string(let route)? = event.metadata?["http.route"],
                MultiThreadedEventLoopGroup.currentEventLoop != nil
            else { return }
            witness.seen.withLock { $0.append(route) }
        }
    }
}
