package import ErrataStore

/// An authenticated admin: the token a request presented, checked against each operation's scope.
package struct Editor: Sendable {
    package let token: TokenInfo

    package init(token: TokenInfo) {
        self.token = token
    }

    /// The name recorded with what the editor changes.
    package var name: String { token.name }

    /// Checks that the editor's token may do `operation`.
    ///
    /// - Throws: ``AccessError/forbidden(needed:has:)``.
    package func require(_ operation: AdminOperation) throws(AccessError) {
        guard token.scope.includes(operation.scope) else {
            throw .forbidden(needed: operation.scope.rawValue, has: token.scope.rawValue)
        }
    }
}
