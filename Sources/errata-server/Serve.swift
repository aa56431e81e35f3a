import ArgumentParser
import ErrataCore
import ErrataServer
import ErrataStore
import ErrataWeb
import Foundation
import NIOCore
import Hummingbird
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import UnixSignals

extension ErrataServerCommand {
    /// `errata-server serve`: the HTTP service.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start the HTTP service (the default subcommand).",
            discussion: """
                On first start with an empty database, the catalog in --localizations is imported as revision 1. \
                Every setting comes from its flag, else its ERRATA_* variable, else the --config file, else its default.
                """
        )

        @OptionGroup var options: ServeOptions

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let sources = try await SettingSources(commandLine: store.commandLine.merging(options.commandLine))
            let storeSettings = try StoreSettings(from: sources)
            let settings = try ServeSettings(from: sources)
            let logger = storeSettings.makeLogger(label: "errata-server")
            // Pages, errata.js and the admin console come from a resource bundle beside the binary; a
            // deployment that forgot to copy it is told at start, not by a failing page later.
            if case .failure(let error) = WebResources.bundled {
                throw CommandFailure(message: "\(error); copy errata_ErrataWeb.resources next to errata-server")
            }
            let catalogStore = try storeSettings.openStore(logger: logger)
            let live: LiveCatalog
            do {
                live = if settings.server.follower != nil {
                    try await CatalogBootstrap.followerCatalog(store: catalogStore, links: settings.server.docsLinks, logger: logger)
                } else {
                    try await CatalogBootstrap.liveCatalog(
                        store: catalogStore,
                        localizations: URL(fileURLWithPath: settings.localizations, isDirectory: true),
                        links: settings.server.docsLinks,
                        logger: logger
                    )
                }
            } catch {
                throw CommandFailure(message: "\(error)")
            }
            defer {
                // The server and its services have stopped: closing the database lets SQLite checkpoint its log.
                do { try catalogStore.close() } catch { logger.error("Could not close the database", metadata: ["error": "\(error)"]) }
            }
            let readiness = Readiness()
            // One registry for the process: Errata's own metrics, and whatever libraries record through swift-metrics.
            let metrics = ServerMetrics()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics.registry))
            let app = buildApplication(
                configuration: settings.server, store: catalogStore, live: live, logger: logger, readiness: readiness, metrics: metrics,
                answersReadsOnEventLoop: settings.eventLoopReads
            ) { address in
                FileHandle.standardOutput.write(Data("\(Self.listeningLine(address))\n".utf8))
            }
            // Shutdown runs in reverse order: /readyz turns 503 before the server stops accepting.
            var group = ServiceGroupConfiguration(services: [app, DrainSignal(readiness: readiness, delay: .seconds(settings.drainDelay))], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            group.maximumGracefulShutdownDuration = .seconds(settings.gracePeriod)
            try await ServiceGroup(configuration: group).run()
        }

        /// What `serve` prints on standard output once it listens, whatever the log level: scripts and
        /// tests started with `--port 0` read the port from it.
        static func listeningLine(_ address: SocketAddress?) -> String {
            guard let address, let host = address.ipAddress, let port = address.port else { return "errata-server: listening" }
            return "errata-server: listening on http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        }
    }
}
