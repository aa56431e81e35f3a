package import ErrataStore
package import Logging

/// An authenticated admin: the token a request presented, checked against each operation's scope.
package struct Editor: Sendable {
    package let token: TokenInfo
    /// The request's logger, so the audit lines of what the editor changes carry the request id.
    package let logger: Logger

    package init(token: TokenInfo, logger: Logger) {
        self.token = token
        self.logger = logger
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

// MARK: - Audit

extension Editor {
    /// Logs a change to the published catalog at notice, naming the token (never its value).
    func audit(_ message: Logger.Message, revision: Int, note: String?, _ details: Logger.Metadata = [:]) {
        var metadata = details
        metadata["audit.token"] = .string(token.name)
        metadata["audit.scope"] = .string(token.scope.rawValue)
        metadata["audit.revision"] = .stringConvertible(revision)
        if let note { metadata["audit.note"] = .string(note) }
        logger.notice(message, metadata: metadata)
    }
}
