/// A token that cannot be created.
package struct TokenError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case malformedName(String)
        case nameTaken(String)
    }

    private let kind: Kind

    static func malformedName(_ name: String) -> Self { .init(kind: .malformedName(name)) }
    static func nameTaken(_ name: String) -> Self { .init(kind: .nameTaken(name)) }

    package var description: String {
        switch kind {
        case .malformedName(let name):
            "token name '\(name)' must be 1-64 letters, digits, '-', '_' or '.'"
        case .nameTaken(let name): "a token named '\(name)' already exists; revoke it first"
        }
    }
}
