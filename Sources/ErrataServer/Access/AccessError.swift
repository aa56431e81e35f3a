/// Why a caller may not do what it asked.
public enum AccessError: Error, Hashable, Sendable {
    /// No token, a malformed `Authorization` header, or a token that is not known.
    case unauthorized(tokenPresented: Bool)
    /// The token is valid but its scope does not allow the operation.
    case forbidden(needed: String, has: String)
    /// Too many failed authentications from this address; retry after this many seconds.
    case throttled(retryAfter: Int)
}
