import ErrataStore
import Foundation
import Synchronization

/// The store's tokens, held in memory so that authenticating a request reads no database.
///
/// Tokens are created and revoked by `errata-server token …` in another process, so the copy is
/// read again when it is older than `lifetime` (a revoked token stops working within that time),
/// and at once when a presented token is unknown (a token just created works on first use; failed
/// attempts are throttled per peer by ``AuthFailureThrottle``). When each token was last used is
/// written back at most once per `usageWriteInterval`, by the one request that finds it due.
final class TokenCache: Sendable {
    let store: CatalogStore
    let lifetime: Duration
    let usageWriteInterval: Duration

    private struct State {
        var directory: TokenDirectory?
        var loadedAt = ContinuousClock.now
        /// Uses not yet written, by token name.
        var uses: [String: Date] = [:]
        var usesWrittenAt: ContinuousClock.Instant?
    }

    private let state = Mutex(State())

    init(store: CatalogStore, lifetime: Duration, usageWriteInterval: Duration = .seconds(60)) {
        self.store = store
        self.lifetime = lifetime
        self.usageWriteInterval = usageWriteInterval
    }

    /// The stored token a caller presented, if any; records its use.
    ///
    /// - Throws: A database error when the tokens had to be read and could not be.
    func authenticate(_ token: String) async throws -> TokenInfo? {
        let now = ContinuousClock.now
        let cached = state.withLock { state in state.directory.flatMap { now - state.loadedAt < lifetime ? $0 : nil } }
        var info = cached?.authenticate(token)
        if info == nil {
            let fresh = try await store.tokenDirectory()
            state.withLock { state in
                state.directory = fresh
                state.loadedAt = now
            }
            info = fresh.authenticate(token)
        }
        if let info { try await recordUse(of: info.name, at: now) }
        return info
    }

    /// Whether the tokens in memory, however old, include `token`; reads no database.
    func isKnown(_ token: String) -> Bool {
        state.withLock { $0.directory?.authenticate(token) != nil }
    }

    private func recordUse(of name: String, at now: ContinuousClock.Instant) async throws {
        let due: [String: Date]? = state.withLock { state in
            state.uses[name] = Date()
            if let written = state.usesWrittenAt, now - written < usageWriteInterval { return nil }
            state.usesWrittenAt = now
            defer { state.uses = [:] }
            return state.uses
        }
        if let due { try await store.recordTokenUse(due) }
    }
}
