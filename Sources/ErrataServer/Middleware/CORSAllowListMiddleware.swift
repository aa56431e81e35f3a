package import Hummingbird

/// CORS for web consoles served from other origins, limited to an allow-list.
///
/// Hummingbird's `CORSMiddleware` takes its allow-list as a variadic list fixed at compile time;
/// Errata's comes from a command-line flag, so this middleware takes an array. It answers with
/// the exact origin (never `*`), adds `Vary: Origin`, exposes the caching headers and `X-Request-ID` (so a console can quote the
/// id support asks for), and answers
/// preflight requests itself.
package struct CORSAllowListMiddleware<Context: RequestContext>: RouterMiddleware {
    private let allowedOrigins: Set<String>
    private let allowMethods = "GET, HEAD, POST, PUT, DELETE, OPTIONS"
    private let allowHeaders = "Accept, Accept-Language, Authorization, Content-Type, If-Match, If-None-Match, X-Request-ID"
    private let exposeHeaders = "ETag, Content-Language, Retry-After, WWW-Authenticate, X-Request-ID"
    private let maxAge = "600"

    /// - Parameter allowedOrigins: Origins such as `https://console.example.com`, compared exactly.
    package init(allowedOrigins: [String]) {
        self.allowedOrigins = Set(allowedOrigins)
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let origin = request.headers[.origin], request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            var headers: HTTPFields = [.vary: "Origin"]
            if allowedOrigins.contains(origin) {
                headers[.accessControlAllowOrigin] = origin
                headers[.accessControlAllowMethods] = allowMethods
                headers[.accessControlAllowHeaders] = allowHeaders
                headers[.accessControlMaxAge] = maxAge
            }
            return Response(status: .noContent, headers: headers)
        }
        var response = try await next(request, context)
        addHeaders(to: &response.headers, origin: request.headers[.origin])
        return response
    }

    /// Adds the CORS headers to the answer of a request (other than a preflight) from `origin`.
    func addHeaders(to headers: inout HTTPFields, origin: String?) {
        guard let origin else {
            // Shared caches must not hand this origin-less answer to a browser that needs a grant.
            if !allowedOrigins.isEmpty { headers[values: .vary].append("Origin") }
            return
        }
        headers[values: .vary].append("Origin")
        if allowedOrigins.contains(origin) {
            headers[.accessControlAllowOrigin] = origin
            headers[.accessControlExposeHeaders] = exposeHeaders
        }
    }
}
