import ErrataCore
package import Hummingbird

/// Keeps token-protected reads out of shared caches.
///
/// When reads need a token, a proxy or CDN that stored a read would hand it to clients without one.
/// Every answer that passes here becomes `Cache-Control: private` (the reuse rule after it, such as
/// `max-age=60` or `no-cache`, stays) and varies by `Authorization`.
package struct PrivateReadsMiddleware<Context: RequestContext>: RouterMiddleware {
    package init() {}

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if let cacheControl = response.headers[.cacheControl] {
            response.headers[.cacheControl] = Self.privateCacheControl(cacheControl)
        }
        response.headers[values: .vary].append("Authorization")
        return response
    }

    /// `cacheControl` with `public` replaced by `private`; `no-store` needs no change.
    static func privateCacheControl(_ cacheControl: String) -> String {
        let directives = cacheControl.split(separator: ",").map { $0.trimmingOptionalWhitespace() }
        if directives.contains(where: { $0.lowercased() == "no-store" || $0.lowercased() == "private" }) { return cacheControl }
        return (["private"] + directives.filter { $0.lowercased() != "public" }).joined(separator: ", ")
    }
}
