import ErrataCore
import ErrataStore
import Foundation

/// The store's tokens, held in memory so that authenticating a request reads no database.
///
/// Tokens are created and revoked by `errata-server token …` in another process, so the copy is
/// read again when it is older than `lifetime` (a revoked token stops working within that time),
/// and at once when a presented token is unknown (a token just created works on first use; failed
/// attempts are throttled per peer by ``AuthFailureThrottle``). Requests that need a fresher copy
/// at the same time share one read.
///
/// When each token was last used is only noted here; ``TokenUseRecorder`` writes the noted uses
/// to the store, off the request path.
final class TokenCache: Sendable {
    let store: CatalogStore
    let lifetime: Duration

    /// A read of the tokens, shared by the requests that wait for it.
    private struct Refresh {
        var startedAt: ContinuousClock.Instant
        var task: Task<TokenDirectory, any Error>
    }

    /// Where a request's copy of the tokens comes from.
    private enum Source {
        case cached(TokenDirectory)
        case read(Refresh)
    }

    private struct State {
        var directory: TokenDirectory?
        /// When the read that produced `directory` started.
        var loadedAt = ContinuousClock.now
        /// The read in flight, if any.
        var refresh: Refresh?
        /// Uses not yet written, by token name.
        var uses: [String: Date] = [:]
    }

    private let state = Locked(State())

    /// Reads the tokens from the store; a test counts the reads through it.
    private let readDirectory: @Sendable () async throws -> TokenDirectory

    init(store: CatalogStore, lifetime: Duration, readDirectory: (@Sendable () async throws -> TokenDirectory)? = nil) {
        self.store = store
        self.lifetime = lifetime
        self.readDirectory = readDirectory ?? { try await store.tokenDirectory() }
    }

    /// The stored token a caller presented, if any; notes its use.
    ///
    /// - Throws: A database error when the tokens had to be read and could not be.
    ///
    /// - Parameter readingAgainIfUnknown: Whether an unknown token makes the tokens be read again at
    ///   once, so that a token created a moment ago works on first use. Without it, the tokens are
    ///   read at most once per `lifetime` whatever is presented: what a throttled address gets.
    func authenticate(_ token: String, readingAgainIfUnknown: Bool = true) async throws -> TokenInfo? {
        let now = ContinuousClock.now
        var info = try await directory(readSince: now - lifetime).authenticate(token)
        if info == nil, readingAgainIfUnknown { info = try await directory(readSince: now).authenticate(token) }
        if let info { state.withLock { $0.uses[info.name] = Date() } }
        return info
    }

    /// The tokens as read by a read that started at `instant` or later.
    ///
    /// Joins the read in flight when it started late enough, so concurrent requests that find the
    /// copy stale (or a token unknown) read the store once.
    private func directory(readSince instant: ContinuousClock.Instant) async throws -> TokenDirectory {
        let source = state.withLock { state -> Source in
            if let directory = state.directory, state.loadedAt >= instant { return .cached(directory) }
            if let refresh = state.refresh, refresh.startedAt >= instant { return .read(refresh) }
            let refresh = Refresh(startedAt: .now, task: Task { [readDirectory] in try await readDirectory() })
            state.refresh = refresh
            return .read(refresh)
        }
        let refresh: Refresh
        switch source {
        case .cached(let directory): return directory
        case .read(let read): refresh = read
        }
        defer { state.withLock { if $0.refresh?.task == refresh.task { $0.refresh = nil } } }
        let directory = try await refresh.task.value
        state.withLock { state in
            if state.directory == nil || refresh.startedAt > state.loadedAt {
                state.directory = directory
                state.loadedAt = refresh.startedAt
            }
        }
        return directory
    }

    // MARK: - Uses

    /// Takes the uses noted since the last call, by token name.
    func takeUses() -> [String: Date] {
        state.withLock { state in
            defer { state.uses = [:] }
            return state.uses
        }
    }

    /// Puts back uses that could not be written, keeping any newer use noted meanwhile.
    func restoreUses(_ uses: [String: Date]) {
        state.withLock { state in state.uses.merge(uses) { noted, restored in max(noted, restored) } }
    }
}
