package import Foundation

/// What an API token may do; each scope includes the ones before it.
package enum TokenScope: String, CaseIterable, Codable, Comparable, Sendable {
    /// Read the catalog when the server requires tokens for reads.
    case read
    /// Change texts in the shared draft.
    case edit
    /// Publish and revert, and everything `edit` may do.
    case publish
    /// Everything, including history and locales.
    case admin

    /// Whether a token of this scope may do what `required` allows.
    package func includes(_ required: TokenScope) -> Bool { self >= required }

    package static func < (lhs: TokenScope, rhs: TokenScope) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A token's public facts: never the token itself.
package struct TokenInfo: Hashable, Codable, Sendable {
    package var name: String
    package var scope: TokenScope
    package var createdAt: Date
    package var lastUsedAt: Date?

    package init(name: String, scope: TokenScope, createdAt: Date, lastUsedAt: Date?) {
        self.name = name
        self.scope = scope
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }
}
