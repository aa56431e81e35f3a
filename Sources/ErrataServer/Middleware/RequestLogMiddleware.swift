package import Hummingbird
package import HTTPTypes
import Logging

/// Gives every request an id and logs one line per request at info: method, route, status,
/// duration and response bytes.
///
/// The id is the request's `X-Request-ID` when that is 1 to 128 visible ASCII characters, else a
/// new Hummingbird `RequestID`. It is echoed in the response's `X-Request-ID` and replaces the
/// logger's `hb.request.id` metadata, so every line logged for the request through `context.logger`
/// carries it. The route is the matched pattern (`/v1/errors/{code}`), never the raw path, so a log
/// line holds no query string and groups by endpoint.
package struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The longest `X-Request-ID` accepted from a client.
    static var maximumIDLength: Int { 128 }

    package init() {}

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Not `context.id`: it reads the id back from the log handler, and a handler may keep no metadata.
        let id = Self.requestID(request.headers)
        var context = context
        context.logger[metadataKey: "hb.request.id"] = .string(id)
        let start = ContinuousClock.now
        do {
            var response = try await next(request, context)
            response.headers[.requestID] = id
            Self.log(request.method, route: context.endpointPath, status: response.status, bytes: response.body.contentLength, since: start, to: context.logger)
            return response
        } catch {
            // Only what no middleware below turned into a response gets here; Hummingbird answers it.
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            Self.log(request.method, route: context.endpointPath, status: status, bytes: nil, since: start, to: context.logger)
            throw error
        }
    }

    /// The id of a request with `headers`: the client's when acceptable, else a new one.
    static func requestID(_ headers: HTTPFields) -> String {
        headers[.requestID].flatMap { isAcceptable($0) ? $0 : nil } ?? RequestID().description
    }

    /// Logs a request's line; `route` is the matched pattern, `nil` when no route matched.
    static func log(
        _ method: HTTPRequest.Method, route: String?, status: HTTPResponse.Status, bytes: Int?, since start: ContinuousClock.Instant, to logger: Logger
    ) {
        // The line's metadata is built before the logger sees it: build none that the level drops.
        guard logger.logLevel <= .info else { return }
        let elapsed = (ContinuousClock.now - start).components
        let milliseconds = Double(elapsed.seconds) * 1_000 + Double(elapsed.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            "http.method": .string(method.rawValue),
            "http.route": .string(route ?? "NotFound"),
            "http.status": .stringConvertible(status.code),
            "duration_ms": .stringConvertible((milliseconds * 1_000).rounded() / 1_000),
        ]
        if let bytes { metadata["http.response_bytes"] = .stringConvertible(bytes) }
        logger.info("Request", metadata: metadata)
    }

    /// Whether a client's request id may be used as it is: short, and visible ASCII only, so it
    /// cannot forge log lines or smuggle anything into the response header.
    static func isAcceptable(_ id: String) -> Bool {
        (1...maximumIDLength).contains(id.utf8.count) && id.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }
}

extension HTTPField.Name {
    /// `X-Request-ID`: the id a request's log lines carry, echoed in its response.
    package static var requestID: Self { Self("X-Request-ID")! }
}
