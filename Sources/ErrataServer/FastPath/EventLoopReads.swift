import ErrataCore
import Hummingbird
import Logging
import NIOCore

/// The cacheable reads answered on the event loop, without the hop to the Swift concurrency pool:
/// `GET` and `HEAD` of `/v1/errors`, `/v1/errors/{code}`, `/v1/catalog` and `/v1/locales`, and their 304s;
/// and `POST /rpc` bodies of immediate JSON-RPC calls (`EventLoopReads+RPC.swift`).
///
/// Every answer is made by the code the router's routes and middleware use (``CacheableResponse``,
/// ``RPCDispatcher``, `CORSAllowListMiddleware`, `RequestLogMiddleware`), so both paths send the same bytes and
/// leave the same log line; the caller records the answer's metrics (``RequestMetersMemo``).
/// Whatever is not plainly one of these reads — another method or route, a body, a `Connection`
/// header, a credential in the query, a read that would be a problem (an unknown code, a bad
/// parameter) — gets `nil` and goes to the router, which answers it as before.
struct EventLoopReads: Sendable {
    typealias Context = ErrataRequestContext

    let live: LiveCatalog
    let logger: Logger
    let cors: CORSAllowListMiddleware<Context>
    /// The `Server` header Hummingbird adds to the router's answers.
    let serverName: String?
    /// The router's JSON-RPC dispatcher, and the largest body `POST /rpc` takes.
    let dispatcher: RPCDispatcher
    let maximumBodySize: Int

    /// A response ready to write: its head, and its body unless it has none (a 304, a `HEAD`).
    struct Answer {
        var head: HTTPResponse
        var body: ByteBuffer?
        /// What the request's metrics are recorded under, and how long answering took.
        var meterKey: RequestMetersMemo.Key
        var duration: Duration
    }

    /// The answer to `head`, a request without a body, or `nil` when the router should answer it.
    ///
    /// - Parameters:
    ///   - head: The request's method, path and headers, as the HTTP/1 decoder read them.
    ///   - date: The `Date` header's value.
    func answer(_ head: HTTPRequest, date: String) -> Answer? {
        let start = ContinuousClock.now
        guard head.method == .get || head.method == .head, Self.hasNoBody(head.headerFields), Self.leavesConnectionAlone(head.headerFields),
            let path = head.path, let route = EventLoopRoute(path: path)
        else { return nil }
        let request = Request(head: head, body: RequestBody(buffer: ByteBuffer()))
        guard !QueryCredentialMiddleware<Context>.carriesCredential(request),
            let answered = try? route.cacheableResponse(request, served: live.served).answer(to: request)
        else { return nil }
        var (response, body) = answered
        // The router's log line gives a HEAD the GET's body size.
        let bytes = response.body.contentLength
        if head.method == .head {
            // As the router's generated HEAD route: the GET's headers, no body.
            response = response.createHeadResponse()
            body = nil
        }
        let id = RequestLogMiddleware<Context>.requestID(head.headerFields)
        return complete(
            response, body: body, to: head, route: route.pattern, requestID: id, loggedBytes: bytes,
            logger: logger.with(metadataKey: "hb.request.id", value: .string(id)), since: start, date: date
        )
    }

    /// Completes an answer as the router's middleware and Hummingbird's server do: CORS, the
    /// request id, the log line, `Date` and `Server`.
    func complete(
        _ response: Response, body: ByteBuffer?, to head: HTTPRequest, route: String, requestID id: String, loggedBytes: Int?,
        logger: Logger, since start: ContinuousClock.Instant, date: String
    ) -> Answer {
        var response = response
        cors.addHeaders(to: &response.headers, origin: head.headerFields[.origin])
        response.headers[.requestID] = id
        RequestLogMiddleware<Context>.log(head.method, route: route, status: response.status, bytes: loggedBytes, since: start, to: logger)
        response.headers[.date] = date
        if let serverName { response.headers[.server] = serverName }
        let meterKey = RequestMetersMemo.Key(route: route, method: head.method, status: response.status)
        return Answer(head: response.head, body: body, meterKey: meterKey, duration: .now - start)
    }

    private static func hasNoBody(_ headers: HTTPFields) -> Bool {
        headers[.contentLength] == nil || headers[.contentLength] == "0"
    }

    /// Whether a request's body, if any, is framed by its length, and nothing in it changes how the connection goes on.
    static func leavesConnectionAlone(_ headers: HTTPFields) -> Bool {
        headers[.transferEncoding] == nil && headers[.expect] == nil && headers[.connection] == nil && headers[.upgrade] == nil
    }
}

extension Logger {
    /// A copy of this logger with one more metadata value.
    func with(metadataKey key: String, value: MetadataValue) -> Logger {
        var logger = self
        logger[metadataKey: key] = value
        return logger
    }
}
