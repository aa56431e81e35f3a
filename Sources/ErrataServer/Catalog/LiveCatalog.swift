public import ErrataCore
public import ErrataStore
import Synchronization

/// The catalog currently served: an atomically swapped reference to an immutable ``ServedCatalog``.
///
/// Readers take the current reference and use it for the whole request, so a response never
/// mixes two revisions. A publish builds the next `ServedCatalog` off to the side and swaps it in.
public final class LiveCatalog: Sendable {
    private let current: Mutex<ServedCatalog>

    public init(_ served: ServedCatalog) {
        self.current = Mutex(served)
    }

    /// Builds the served catalog for the newest published revision in the store.
    ///
    /// - Throws: ``ServerStartupError`` when the store holds no catalog yet.
    public convenience init(store: CatalogStore) async throws {
        self.init(try await Self.load(from: store))
    }

    /// Serves the newest published revision in the store; call after every publish.
    ///
    /// Applies what was published since the served revision to it, so the cost follows the size
    /// of the change; a new locale changes every fallback chain, so it is loaded in full instead.
    /// Concurrent reloads are safe: each applies a delta read in one consistent database snapshot,
    /// taken after its caller's commit, to the revision it started from, and ``replace(with:)``
    /// never goes back to an older revision.
    public func reload(from store: CatalogStore) async throws {
        let current = served
        guard let delta = try await store.publishedDelta(after: current.revision) else {
            throw ServerStartupError.emptyDatabase
        }
        // A compaction changes the floor without publishing a revision.
        guard delta.revision > current.revision || delta.historyFloor != current.feed.floor else { return }
        if delta.localeTags == current.snapshot.locales.map(\.tag) {
            replace(with: current.applying(delta))
        } else {
            replace(with: try await Self.load(from: store))
        }
    }

    private static func load(from store: CatalogStore) async throws -> ServedCatalog {
        guard let published = try await store.publishedCatalog() else {
            throw ServerStartupError.emptyDatabase
        }
        return ServedCatalog(published)
    }

    /// The catalog to answer the current request from.
    public var served: ServedCatalog {
        current.withLock { $0 }
    }

    /// Replaces the served catalog, unless a newer revision is already served.
    public func replace(with served: ServedCatalog) {
        current.withLock { current in
            if served.revision >= current.revision { current = served }
        }
    }
}
