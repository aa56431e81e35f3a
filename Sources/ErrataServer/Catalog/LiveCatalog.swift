import ErrataCore
package import ErrataStore
package import ErrataWeb
package import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle
import Synchronization

/// The catalog currently served: an atomically swapped reference to an immutable ``ServedCatalog``.
///
/// Readers take the current reference and use it for the whole request, so a response never
/// mixes two revisions. A publish builds the next `ServedCatalog` off to the side and swaps it in.
package final class LiveCatalog: Sendable {
    private struct State: Sendable {
        var served: ServedCatalog
        /// The newest served catalogs, oldest first, the current one last: what `/v1/revisions/{n}/…` answers from.
        var retained: [ServedCatalog]
        var waiters = RevisionWaiters()
    }

    /// How many of the newest revisions stay readable under their immutable URLs.
    package static let retainedRevisions = 8

    /// NIO's box: specialized where called, and seen by ThreadSanitizer (see ``RevisionMemo``).
    private let state: NIOLockedValueBox<State>
    /// Counts the catalogs installed: a reader that keeps answers made from one (``ReadyResponses``)
    /// sees a publish with an atomic load, without the lock.
    private let generation = Atomic<Int>(0)
    let logger: Logger
    /// Where the pages are, for every revision served: what `docsUrl` and problem types say.
    package let links: DocsLinks

    /// - Parameters:
    ///   - served: The catalog to serve first.
    ///   - logger: Where a failed `refresh(toServe:from:)` is logged.
    package init(_ served: ServedCatalog, logger: Logger) {
        self.state = NIOLockedValueBox(State(served: served, retained: [served]))
        self.logger = logger
        self.links = served.links
    }

    /// Builds the served catalog for the newest published revision in the store.
    ///
    /// - Parameter links: Where the pages are (``ServerConfiguration/docsLinks``).
    /// - Throws: ``ServerStartupError`` when the store holds no catalog yet.
    package convenience init(store: CatalogStore, links: DocsLinks = DocsLinks(), logger: Logger) async throws {
        guard let published = try await store.publishedCatalog() else { throw ServerStartupError.emptyDatabase }
        self.init(ServedCatalog(published, links: links), logger: logger)
    }

    /// Serves `revision`, just committed, if it can: a publish is acknowledged once committed.
    ///
    /// A reload that fails is logged, not thrown: the revision is in the database, and
    /// ``CatalogWatcher`` serves it once reloading works again.
    package func refresh(toServe revision: Int, from store: CatalogStore) async {
        do {
            try await reload(from: store)
        } catch {
            logger.error("Published revision not served yet; retrying", metadata: ["revision": "\(revision)", "error": "\(error)"])
        }
    }

    /// Serves the newest published revision in the store.
    ///
    /// Applies what was published since the served revision to it, so the cost follows the size
    /// of the change; a new locale changes every fallback chain, so it is loaded in full instead.
    /// Concurrent reloads are safe: each applies a delta read in one consistent database snapshot,
    /// taken after its caller's commit, to the revision it started from, and ``replace(with:)``
    /// never goes back to an older revision.
    ///
    /// - Throws: ``LiveCatalogError`` when the store no longer holds a catalog, or a database error.
    ///
    /// - Returns: Whether a newer catalog is served now.
    @discardableResult
    package func reload(from store: CatalogStore) async throws -> Bool {
        let current = served
        guard let delta = try await store.publishedDelta(after: current.revision) else {
            throw LiveCatalogError.noPublishedCatalog
        }
        // A compaction changes the floor without publishing a revision.
        guard delta.revision > current.revision || delta.historyFloor != current.feed.floor else { return false }
        if delta.localeTags == current.snapshot.locales.map(\.tag) {
            replace(with: current.applying(delta))
        } else {
            guard let published = try await store.publishedCatalog() else { throw LiveCatalogError.noPublishedCatalog }
            replace(with: ServedCatalog(published, links: links))
        }
        return true
    }

    /// The catalog to answer the current request from.
    package var served: ServedCatalog {
        state.withLockedValue { $0.served }
    }

    /// Changes whenever another catalog is served: read it before ``served``, and a later change
    /// means that catalog is no longer the current one.
    package var servedGeneration: Int {
        generation.load(ordering: .acquiring)
    }

    /// Replaces the served catalog, unless a newer revision is already served.
    package func replace(with served: ServedCatalog) {
        install(served, goingBack: false)
    }

    /// Serves `served` even when it is older than the catalog served now, forgetting the newer
    /// retained revisions: for a follower whose primary went back (restored from a backup), which
    /// is then the only writer of this catalog.
    package func reset(to served: ServedCatalog) {
        install(served, goingBack: true)
    }

    private func install(_ served: ServedCatalog, goingBack: Bool) {
        let (replaced, woken) = state.withLockedValue { state -> (ServedCatalog?, [CheckedContinuation<Void, Never>]) in
            guard goingBack || served.revision >= state.served.revision else { return (nil, []) }
            let replaced = state.served
            state.served = served
            generation.add(1, ordering: .releasing)
            state.retained.removeAll { $0.revision >= served.revision }
            state.retained.append(served)
            state.retained.removeFirst(max(0, state.retained.count - Self.retainedRevisions))
            return (replaced === served ? nil : replaced, state.waiters.takeSatisfied(by: served.revision))
        }
        // Up to `retainedRevisions` revisions stay readable: only the current one keeps its whole-catalog bodies.
        replaced?.retire()
        for continuation in woken { continuation.resume() }
    }

    /// The served catalog of `revision`, if it is one of the ``retainedRevisions`` newest.
    package func served(revision: Int) -> ServedCatalog? {
        state.withLockedValue { state in state.retained.last { $0.revision == revision } }
    }

    // MARK: - Waiting for a publish

    /// The catalog to answer a delta-feed request `since` from: the current one or, when nothing is
    /// newer than `since` yet, the first newer one published within `wait`.
    package func served(since: Int, waitingAtMost wait: Duration) async -> ServedCatalog {
        let current = served
        guard wait > .zero, current.revision == since else { return current }
        return await served(newerThan: since, waitingAtMost: wait)
    }

    /// The served catalog once it is newer than `revision`, or the current one after `timeout` or
    /// once graceful shutdown begins: how the delta feed's `wait` holds a request until something is
    /// published, without holding a shutting-down server for the rest of the wait (followers always have one pending).
    package func served(newerThan revision: Int, waitingAtMost timeout: Duration) async -> ServedCatalog {
        let id = state.withLockedValue { $0.waiters.makeID() }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.wait(id, forRevisionNewerThan: revision) }
            group.addTask { try? await Task.sleep(for: timeout) }
            group.addTask { try? await gracefulShutdown() }
            await group.next()
            group.cancelAll()
        }
        state.withLockedValue { $0.waiters.forget(id) }
        return served
    }

    /// How many requests wait for a publish now.
    package var waitingCount: Int {
        state.withLockedValue { $0.waiters.count }
    }

    private func wait(_ id: UInt64, forRevisionNewerThan revision: Int) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let waits = state.withLockedValue { state in
                    state.served.revision <= revision && state.waiters.add(id, after: revision, continuation: continuation)
                }
                if !waits { continuation.resume() }
            }
        } onCancel: {
            state.withLockedValue { $0.waiters.cancel(id) }?.resume()
        }
    }
}
