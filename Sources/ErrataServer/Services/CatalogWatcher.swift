package import ErrataStore
package import Logging
import ServiceLifecycle

/// Serves what other writers publish: every `interval`, checks whether the store's newest revision
/// or history floor differs from the served one, and reloads when it does.
///
/// Publishes made through this server are served at once (`LiveCatalog.refresh(toServe:from:)`);
/// this catches the rest: a second instance on the same database, `errata-server compact`, and a
/// refresh that failed. A check reads two rows by key; a failed check or reload is logged and
/// tried again on the next tick.
package struct CatalogWatcher: Service {
    let store: CatalogStore
    let live: LiveCatalog
    let interval: Duration
    let metrics: ServerMetrics
    let logger: Logger

    /// - Parameters:
    ///   - store: The database other writers publish to.
    ///   - live: The catalog to keep current.
    ///   - interval: How often the store is checked; bounds how late another writer's publish is served.
    ///   - metrics: Where the time to build a reloaded catalog is recorded.
    ///   - logger: Where a failed check or reload is logged.
    package init(store: CatalogStore, live: LiveCatalog, interval: Duration = .seconds(1), metrics: ServerMetrics = ServerMetrics(), logger: Logger) {
        self.store = store
        self.live = live
        self.interval = interval
        self.metrics = metrics
        self.logger = logger
    }

    /// Checks the store every `interval` until shutdown.
    package func run() async {
        await repeatUntilShutdown(every: interval) { await check() }
    }

    /// Reloads the served catalog if the store's published head moved; logs a failure.
    func check() async {
        do {
            guard let head = try await store.publishedHead() else { throw LiveCatalogError.noPublishedCatalog }
            let served = live.served
            guard head != PublishedHead(revision: served.revision, historyFloor: served.feed.floor) else { return }
            let building = ContinuousClock.now
            if try await live.reload(from: store) {
                metrics.recordCatalogBuild(duration: .now - building)
                logger.info("Serving catalog", metadata: ["revision": "\(live.served.revision)"])
            }
        } catch {
            logger.error("Could not bring the served catalog up to date; retrying", metadata: ["error": "\(error)"])
        }
    }
}
