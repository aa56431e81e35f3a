import ErrataCore
import ErrataWeb
import Hummingbird
import Logging
import NIOCore

/// The cacheable reads answered on the event loop, without the hop to the Swift concurrency pool:
/// `GET` and `HEAD` of `/v1/errors`, `/v1/errors/{code}`, `/v1/catalog`, `/v1/locales` and
/// `/docs/errors/{code}`, and their 304s;
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
    /// What renders the error pages; `nil` leaves them to the router (which answers why).
    let pages: DocsPages?

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
        guard let read = read(head, served: live.served) else { return nil }
        let id = RequestLogMiddleware<Context>.requestID(head.headerFields)
        return complete(
            read.response, body: read.body, to: head, route: read.route, requestID: id, loggedBytes: read.loggedBytes,
            logger: requestLogger(id), since: start, date: date
        )
    }

    /// A read's response as its route makes it, before the headers every answer gets (``decorate(_:origin:requestID:date:)``).
    struct Read {
        var response: Response
        var body: ByteBuffer?
        /// The route's pattern, and the body size its log line gives (a `HEAD` is logged with the `GET`'s).
        var route: String
        var loggedBytes: Int?
    }

    /// The response to `head`, a request without a body, from `served`; `nil` when the router should answer it.
    func read(_ head: HTTPRequest, served: ServedCatalog) -> Read? {
        guard head.method == .get || head.method == .head, Self.hasNoBody(head.headerFields), Self.leavesConnectionAlone(head.headerFields),
            let path = head.path, let route = EventLoopRoute(path: path)
        else { return nil }
        let request = Request(head: head, body: RequestBody(buffer: ByteBuffer()))
        guard !QueryCredentialMiddleware<Context>.carriesCredential(request),
            let cacheable = try? route.cacheableResponse(request, served: served, pages: pages), let answered = try? cacheable.answer(to: request)
        else { return nil }
        var (response, body) = answered
        let bytes = response.body.contentLength
        if head.method == .head {
            // As the router's generated HEAD route: the GET's headers, no body.
            response = response.createHeadResponse()
            body = nil
        }
        return Read(response: response, body: body, route: route.pattern, loggedBytes: bytes)
    }

    /// The answer to `head` kept whole for ``ReadyResponseHandler``: the response ``read(_:served:)``
    /// makes, with the headers ``decorate(_:origin:requestID:date:)`` adds and the request id's and
    /// date's values left out.
    func readyResponse(_ head: HTTPRequest, served: ServedCatalog) -> ReadyResponse? {
        guard var read = read(head, served: served) else { return nil }
        decorate(&read.response.headers, origin: head.headerFields[.origin], requestID: "-", date: "-")
        return ReadyResponse(read.response.head, body: read.body, method: head.method, route: read.route, loggedBytes: read.loggedBytes)
    }

    /// Completes an answer as the router's middleware and Hummingbird's server do: CORS, the
    /// request id, the log line, `Date` and `Server`.
    func complete(
        _ response: Response, body: ByteBuffer?, to head: HTTPRequest, route: String, requestID id: String, loggedBytes: Int?,
        logger: Logger, since start: ContinuousClock.Instant, date: String
    ) -> Answer {
        var response = response
        decorate(&response.headers, origin: head.headerFields[.origin], requestID: id, date: date)
        RequestLogMiddleware<Context>.log(head.method, route: route, status: response.status, bytes: loggedBytes, since: start, to: logger)
        let meterKey = RequestMetersMemo.Key(route: route, method: head.method, status: response.status)
        return Answer(head: response.head, body: body, meterKey: meterKey, duration: .now - start)
    }

    /// Adds the headers the router's middleware and Hummingbird's server add to every answer, in
    /// their order: CORS, `X-Request-ID`, `Date` and `Server`.
    func decorate(_ headers: inout HTTPFields, origin: String?, requestID: String, date: String) {
        cors.addHeaders(to: &headers, origin: origin)
        headers[.requestID] = requestID
        headers[.date] = date
        if let serverName { headers[.server] = serverName }
    }

    /// The logger a request's line goes to: with its id, unless the level drops the line anyway.
    func requestLogger(_ requestID: @autoclosure () -> String) -> Logger {
        logger.logLevel <= .info ? logger.with(metadataKey: "hb.request.id", value: .string(requestID())) : logger
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
