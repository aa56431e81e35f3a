import ErrataClient
import ErrataCore
import Foundation
package import ErrataStore
package import Logging
import ServiceLifecycle

/// Keeps a follower's own database, and so its served catalog, in step with the primary.
///
/// It long-polls the primary's delta feed (`wait`), so a publish there is recorded here as soon as it
/// is served there, with the same revision numbers (`CatalogStore.recordPublished(_:source:)`); when
/// the feed cannot bring the database in step (410, an empty database, a delta that does not apply),
/// it takes the primary's whole catalog instead. While the primary cannot be reached, the follower
/// keeps serving what it has and tries again after a doubling, jittered delay.
package struct Follower: Service {
    let configuration: FollowerConfiguration
    let store: CatalogStore
    let live: LiveCatalog
    let status: FollowerStatus
    let metrics: ServerMetrics
    let logger: Logger

    package init(
        configuration: FollowerConfiguration, store: CatalogStore, live: LiveCatalog, status: FollowerStatus, metrics: ServerMetrics, logger: Logger
    ) {
        self.configuration = configuration
        self.store = store
        self.live = live
        self.status = status
        self.metrics = metrics
        self.logger = logger
    }

    /// Follows the primary until graceful shutdown.
    package func run() async {
        let waitSeconds = Int(configuration.pollWait.components.seconds)
        // Longer than the server may hold the request, so a quiet primary is not taken for a dead one.
        let transport = SyncTransport(serverURL: configuration.primary, accessToken: configuration.accessToken, timeout: Double(waitSeconds + 10))
        defer { transport.invalidate() }
        var delay = configuration.initialRetryDelay
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown { try await step(transport, waitSeconds: waitSeconds) }
                delay = configuration.initialRetryDelay
            } catch {
                guard !Task.isShuttingDownGracefully, !Task.isCancelled else { return }
                status.recordFailure("\(error)")
                metrics.recordFollowerFailure()
                logger.warning("Cannot follow the primary; serving what is here and trying again", metadata: [
                    "primary": "\(configuration.primary.absoluteString)", "error": "\(error)", "retry_in": "\(delay)",
                ])
                // Full jitter over the upper half, so that followers restarted together do not retry together.
                let jittered = delay * Double.random(in: 0.5...1)
                guard (try? await cancelWhenGracefulShutdown({ try await Task.sleep(for: jittered) })) != nil else { return }
                delay = min(delay * 2, configuration.maximumRetryDelay)
            }
        }
    }

    /// One exchange with the primary: a delta applied, or nothing new within the wait, or the whole catalog taken.
    func step(_ transport: SyncTransport, waitSeconds: Int) async throws {
        guard let stored = try await store.currentRevision() else { return try await takeWholeCatalog(transport) }
        // A delta recorded while its reload failed: serve it before asking for more.
        if live.served.revision < stored { try await live.reload(from: store) }
        switch try await transport.changes(since: stored, waitingAtMost: waitSeconds) {
        case .notModified:
            status.recordContact(primaryRevision: stored, servedRevision: live.served.revision)
        case .changes(let changes) where changes.toRevision == stored && changes.changes.isEmpty:
            status.recordContact(primaryRevision: stored, servedRevision: live.served.revision)
        case .changes(let changes):
            do {
                try await store.recordPublished(changes, source: configuration.primary.absoluteString)
            } catch let error as FollowError {
                logger.notice("The primary's changes do not apply; taking its whole catalog", metadata: ["reason": "\(error)"])
                return try await takeWholeCatalog(transport)
            }
            let building = ContinuousClock.now
            try await live.reload(from: store)
            metrics.recordCatalogBuild(duration: .now - building)
            status.recordContact(primaryRevision: changes.toRevision, servedRevision: live.served.revision)
            logger.info("Serving catalog", metadata: ["revision": "\(live.served.revision)", "from": "delta"])
        case .fullFetchRequired:
            try await takeWholeCatalog(transport)
        }
    }

    /// Replaces the database with the primary's whole catalog and serves it.
    private func takeWholeCatalog(_ transport: SyncTransport) async throws {
        let document = try await transport.snapshot()
        let building = ContinuousClock.now
        try await store.replaceWithPublished(document.catalog, revision: document.revision, source: configuration.primary.absoluteString)
        guard let published = try await store.publishedCatalog() else { throw LiveCatalogError.noPublishedCatalog }
        if published.revision < live.served.revision {
            logger.warning("The primary went back to an older revision (restored from a backup?); serving it", metadata: [
                "primary_revision": "\(published.revision)", "served_revision": "\(live.served.revision)",
            ])
        }
        // The database now holds exactly this revision; the follower is the catalog's only writer.
        live.reset(to: ServedCatalog(published, links: live.links))
        metrics.recordCatalogBuild(duration: .now - building)
        status.recordContact(primaryRevision: document.revision, servedRevision: live.served.revision)
        logger.info("Serving catalog", metadata: ["revision": "\(live.served.revision)", "from": "snapshot"])
    }
}
