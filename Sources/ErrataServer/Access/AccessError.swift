/// Why a caller may not do what it asked.
package enum AccessError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No token, a malformed `Authorization` header, or a token that is not known.
    case unauthorized(tokenPresented: Bool)
    /// The token is valid but its scope does not allow the operation.
    case forbidden(needed: String, has: String)
    /// Too many failed authentications from this address; retry after this many seconds.
    case throttled(retryAfter: Int)

    package var description: String {
        switch self {
        case .unauthorized(tokenPresented: true): "the bearer token is not valid"
        case .unauthorized(tokenPresented: false): "this method needs Authorization: Bearer <token>"
        case .forbidden(let needed, let has): "this method needs scope '\(needed)'; the token has '\(has)'"
        case .throttled(let retryAfter): "too many failed authentications from this address; retry in \(retryAfter) seconds"
        }
    }
}
