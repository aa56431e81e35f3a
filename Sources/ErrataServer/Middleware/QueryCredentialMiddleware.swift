package import Hummingbird

/// Refuses credentials in the query string, where logs and browser histories would keep them.
package struct QueryCredentialMiddleware<Context: RequestContext>: RouterMiddleware {
    static var credentialNames: Set<String> { ["access_token", "token", "api_key", "apikey", "bearer"] }

    package init() {}

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.carriesCredential(request) {
            throw Problem(
                status: .badRequest, kind: "token-in-query", title: "Token in query string",
                detail: "send tokens only in the Authorization header: Authorization: Bearer <token>", reason: "TokenInQuery"
            )
        }
        return try await next(request, context)
    }

    /// Whether `request`'s query string has a parameter named like a credential.
    static func carriesCredential(_ request: Request) -> Bool {
        request.uri.queryParameters.contains(where: { credentialNames.contains(String($0.key).lowercased()) })
    }
}
