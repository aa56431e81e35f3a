import ErrataCore
package import ErrataStore
package import HTTPTypes

/// Decides whether a request may do something: bearer tokens, scopes and failure throttling.
///
/// Used the same way by REST routes and by each JSON-RPC call, so a batch is authorized call by call.
package struct AccessControl: Sendable {
    /// Whether reads need a token of scope `read` too.
    package let requireReadToken: Bool
    let tokens: TokenCache
    private let throttle: AuthFailureThrottle
    private let metrics: ServerMetrics

    /// - Parameters:
    ///   - store: Where tokens are stored.
    ///   - requireReadToken: Whether reads need a token of scope `read` too.
    ///   - tokenCacheLifetime: How long tokens read from the store are trusted; a revoked token stops working within it.
    ///   - maximumFailures: Failed attempts a client may make per `window` before it is throttled.
    ///   - metrics: Where failures and throttled requests are counted.
    package init(
        store: CatalogStore, requireReadToken: Bool = false, tokenCacheLifetime: Duration = .seconds(1),
        maximumFailures: Int = 10, window: Duration = .seconds(60), metrics: ServerMetrics = ServerMetrics()
    ) {
        self.requireReadToken = requireReadToken
        self.tokens = TokenCache(store: store, lifetime: tokenCacheLifetime)
        self.throttle = AuthFailureThrottle(maximumFailures: maximumFailures, window: window)
        self.metrics = metrics
    }

    /// Checks the request's bearer token against `scope`.
    ///
    /// - Parameters:
    ///   - scope: What the operation needs; `.read` passes without a token unless reads require one.
    ///   - headers: The request's header fields.
    ///   - peer: The caller's address, for throttling failures.
    /// - Returns: The token used, or `nil` for a public read.
    /// - Throws: ``AccessError``.
    package func authorize(_ scope: TokenScope, headers: HTTPFields, peer: String) async throws -> TokenInfo? {
        if scope == .read, !requireReadToken { return nil }
        return try await authenticate(scope, headers: headers, peer: peer)
    }

    /// Checks the request's bearer token against `scope`, even for `.read` when reads are public:
    /// for operations that are about the token itself, such as `session.whoami`, and the admin operations.
    ///
    /// - Returns: The token used.
    /// - Throws: ``AccessError``.
    package func authenticate(_ scope: TokenScope, headers: HTTPFields, peer: String) async throws -> TokenInfo {
        let presented = Self.bearerToken(headers[.authorization])
        let info: TokenInfo
        if let wait = throttle.retryAfter(for: peer) {
            // A throttled address may share its IP with others (NAT, an untrusted proxy): a valid token
            // still gets through. Guesses cost at most one store read per token-cache lifetime, shared
            // by every throttled caller, and are refused without counting.
            guard let token = presented, let valid = try await tokens.authenticate(token, readingAgainIfUnknown: false) else {
                metrics.recordThrottledRequest()
                throw AccessError.throttled(retryAfter: max(1, Int((wait / .seconds(1)).rounded(.up))))
            }
            info = valid
        } else {
            guard let token = presented else {
                if headers[.authorization] != nil { throttle.recordFailure(from: peer) }
                metrics.recordAuthFailure()
                throw AccessError.unauthorized(tokenPresented: headers[.authorization] != nil)
            }
            guard let valid = try await tokens.authenticate(token) else {
                throttle.recordFailure(from: peer)
                metrics.recordAuthFailure()
                throw AccessError.unauthorized(tokenPresented: true)
            }
            info = valid
        }
        guard info.scope.includes(scope) else {
            throw AccessError.forbidden(needed: scope.rawValue, has: info.scope.rawValue)
        }
        return info
    }

    /// The token of an `Authorization: Bearer <token>` header; the scheme is case-insensitive.
    static func bearerToken(_ header: String?) -> String? {
        guard let header, header.count <= 512 else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingOptionalWhitespace()
        return token.isEmpty ? nil : String(token)
    }
}
