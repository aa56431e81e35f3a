package import ErrataStore

/// `session.whoami`, `GET /v1/admin/session`: the calling token's name and scope and what the
/// scope allows, so a console offers only that. Never the token itself.
package struct SessionAnswer: Codable, Hashable, Sendable {
    /// The token's name, recorded with what it changes.
    package var name: String
    package var scope: String
    /// Each scope and whether this token's scope includes it: `read`, `edit`, `publish`, `admin`.
    package var allows: [String: Bool]

    package init(_ token: TokenInfo) {
        self.name = token.name
        self.scope = token.scope.rawValue
        self.allows = Dictionary(uniqueKeysWithValues: TokenScope.allCases.map { ($0.rawValue, token.scope.includes($0)) })
    }
}
