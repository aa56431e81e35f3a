import ErrataStore
package import Logging
import ServiceLifecycle

/// Writes when each token was last used, off the request path: every `interval` and at shutdown.
///
/// Authenticating a request only notes the use in memory, so a request never waits for (or fails
/// with) this write. A write that fails is logged and its uses are kept for the next one.
package struct TokenUseRecorder: Service {
    let tokens: TokenCache
    let interval: Duration
    let logger: Logger

    /// - Parameters:
    ///   - access: The access control whose token uses are written.
    ///   - interval: How often noted uses are written.
    ///   - logger: Where a failed write is logged.
    package init(access: AccessControl, interval: Duration = .seconds(60), logger: Logger) {
        self.tokens = access.tokens
        self.interval = interval
        self.logger = logger
    }

    /// Writes noted uses every `interval` until shutdown, then once more.
    package func run() async {
        await repeatUntilShutdown(every: interval) { await flush() }
        await flush()
    }

    /// Writes the uses noted since the last write; on failure, logs and keeps them for the next.
    func flush() async {
        let uses = tokens.takeUses()
        guard !uses.isEmpty else { return }
        do {
            try await tokens.store.recordTokenUse(uses)
        } catch {
            tokens.restoreUses(uses)
            logger.warning("Could not record token uses; retrying later", metadata: ["tokens": "\(uses.count)", "error": "\(error)"])
        }
    }
}
