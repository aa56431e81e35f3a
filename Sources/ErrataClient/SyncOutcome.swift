/// What ``ErrataClient/sync()`` did.
public enum SyncOutcome: Hashable, Sendable {
    /// The catalog changed: lookups already see revision `to`, and the cache holds it.
    case updated(from: Int, to: Int, method: SyncMethod)
    /// The server has nothing newer; the check was recorded without rewriting the cache.
    case unchanged(revision: Int)
    /// The last check is more recent than ``ClientConfiguration/minimumSyncInterval``; the server was not asked.
    case skipped(revision: Int)

    /// The revision lookups see after the sync.
    public var revision: Int {
        switch self {
        case .updated(_, let to, _): to
        case .unchanged(let revision), .skipped(let revision): revision
        }
    }
}

/// How a sync brought the catalog up to date.
public enum SyncMethod: String, Hashable, Sendable {
    /// Only the texts changed since the cached revision were downloaded.
    case delta
    /// The whole catalog was downloaded, because no delta could apply.
    case fullFetch
}
