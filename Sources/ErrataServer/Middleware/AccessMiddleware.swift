import ErrataCore
package import ErrataStore
package import Hummingbird

/// Guards a group of routes with ``AccessControl``: every request needs a token of `scope`.
///
/// For `.read`, requests pass without a token unless the server requires read tokens.
package struct AccessMiddleware<Context: RemoteAddressRequestContext>: RouterMiddleware {
    let access: AccessControl
    let scope: TokenScope

    package init(access: AccessControl, scope: TokenScope) {
        self.access = access
        self.scope = scope
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        _ = try await access.authorize(scope, headers: request.headers, peer: context.peer)
        return try await next(request, context)
    }
}
