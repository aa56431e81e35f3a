public import Foundation

/// What an API token may do; each scope includes the ones before it.
public enum TokenScope: String, CaseIterable, Codable, Comparable, Sendable {
    /// Read the catalog when the server requires tokens for reads.
    case read
    /// Change texts in the shared draft.
    case edit
    /// Publish and revert, and everything `edit` may do.
    case publish
    /// Everything, including history and locales.
    case admin

    /// Whether a token of this scope may do what `required` allows.
    public func includes(_ required: TokenScope) -> Bool { self >= required }

    public static func < (lhs: TokenScope, rhs: TokenScope) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A token's public facts: never the token itself.
public struct TokenInfo: Hashable, Codable, Sendable {
    public var name: String
    public var scope: TokenScope
    public var createdAt: Date
    public var lastUsedAt: Date?

    package init(name: String, scope: TokenScope, createdAt: Date, lastUsedAt: Date?) {
        self.name = name
        self.scope = scope
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }
}
