import ErrataCore
public import ErrataStore
public import Hummingbird

/// Guards a group of routes with ``AccessControl``: every request needs a token of `scope`.
///
/// For `.read`, requests pass without a token unless the server requires read tokens.
public struct AccessMiddleware<Context: RemoteAddressRequestContext>: RouterMiddleware {
    let access: AccessControl
    let scope: TokenScope

    public init(access: AccessControl, scope: TokenScope) {
        self.access = access
        self.scope = scope
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        _ = try await access.authorize(scope, headers: request.headers, peer: context.peer)
        return try await next(request, context)
    }
}

/// Refuses credentials in the query string, where logs and browser histories would keep them.
public struct QueryCredentialMiddleware<Context: RequestContext>: RouterMiddleware {
    static var credentialNames: Set<String> { ["access_token", "token", "api_key", "apikey", "bearer"] }

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.queryParameters.contains(where: { Self.credentialNames.contains(String($0.key).lowercased()) }) {
            throw Problem(
                status: .badRequest, kind: "token-in-query", title: "Token in query string",
                detail: "send tokens only in the Authorization header: Authorization: Bearer <token>", reason: "TokenInQuery"
            )
        }
        return try await next(request, context)
    }
}
