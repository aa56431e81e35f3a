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
    /// Concurrent reloads are safe: each reads a consistent database snapshot taken after its
    /// caller's commit, and ``replace(with:)`` never goes back to an older revision.
    public func reload(from store: CatalogStore) async throws {
        replace(with: try await Self.load(from: store))
    }

    private static func load(from store: CatalogStore) async throws -> ServedCatalog {
        guard let published = try await store.publishedCatalog() else {
            throw ServerStartupError.emptyDatabase
        }
        return ServedCatalog(
            snapshot: CatalogSnapshot(catalog: published.catalog, revision: published.revision),
            feed: RevisionFeed(currentRevision: published.revision, floor: published.historyFloor, changes: published.history)
        )
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
