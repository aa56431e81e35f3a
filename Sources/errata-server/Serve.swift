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
            discussion: "On first start with an empty database, the catalog in --localizations is imported as revision 1."
        )

        @Option(help: "The address to listen on.")
        var host: String = "127.0.0.1"

        @Option(help: "The TCP port to listen on; 0 picks a free one. Once listening, serve prints 'errata-server: listening on http://HOST:PORT' on stdout.")
        var port: Int = 8080

        @Option(help: "The Localizations/ directory imported into an empty database.")
        var localizations: String = "./Localizations"

        @Option(name: .customLong("cors-origin"), help: "An origin allowed to call the service from a browser; repeatable.")
        var corsOrigins: [String] = []

        @Option(help: "The largest request body accepted, in bytes.")
        var maxBodySize: Int = 1 << 20

        @Flag(help: "Require a bearer token of scope read (or higher) for reads too.")
        var requireReadToken = false

        @Option(help: ArgumentHelp("Failed authentications one client address may make per minute; then its requests that need a token are 429 until the minute has passed.", valueName: "count"))
        var maxAuthFailures: Int = 10

        @Option(
            name: .customLong("trusted-proxy"),
            help: ArgumentHelp(
                "A reverse proxy (CIDR such as 10.0.0.0/8 or 2001:db8::/32, or one address) whose X-Forwarded-For or Forwarded header names the client; repeatable.",
                discussion: "Failed authentications are throttled per client address; without this, every client behind a proxy shares the proxy's address. X-Forwarded-For wins over Forwarded: a proxy that writes only Forwarded must drop any X-Forwarded-For a client sends.",
                valueName: "cidr"
            )
        )
        var trustedProxies: [String] = []

        @Option(help: ArgumentHelp("Seconds a connection may take to send its next request, head and body, before it is closed.", valueName: "seconds"))
        var idleTimeout: Int = 60

        @Option(help: ArgumentHelp("Seconds the requests in flight get to finish after SIGTERM or SIGINT before they are cancelled.", valueName: "seconds"))
        var gracePeriod: Int = 30

        @Option(help: ArgumentHelp("Seconds between SIGTERM or SIGINT and closing the listening socket, while /readyz answers 503 so load balancers stop sending.", valueName: "seconds"))
        var drainDelay: Int = 0

        @Option(
            help: ArgumentHelp(
                "The service's public address, such as https://errata.example.com: docsUrl and problem types become absolute URLs under it.",
                discussion: "Without it they are paths (/docs/errors/NoSuchKey?locale=en), relative to wherever the client reached the service.",
                valueName: "url"
            )
        )
        var publicURL: String?

        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
            guard maxBodySize >= 1_024 else { throw ValidationError("--max-body-size must be at least 1024 bytes") }
            guard (1...1_000_000).contains(maxAuthFailures) else { throw ValidationError("--max-auth-failures must be between 1 and 1000000") }
            guard (1...86_400).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be between 1 and 86400 seconds") }
            guard (1...3_600).contains(gracePeriod) else { throw ValidationError("--grace-period must be between 1 and 3600 seconds") }
            guard (0...3_600).contains(drainDelay) else { throw ValidationError("--drain-delay must be between 0 and 3600 seconds") }
            for proxy in trustedProxies where IPAddressRange(proxy) == nil {
                throw ValidationError("--trusted-proxy '\(proxy)' must be an address or CIDR range such as 10.0.0.0/8 or 2001:db8::/32")
            }
            for origin in corsOrigins where URL(string: origin)?.scheme == nil || origin.hasSuffix("/") {
                throw ValidationError("--cors-origin '\(origin)' must be an origin such as https://console.example.com")
            }
            _ = try docsLinks()
        }

        /// The links `--public-url` asks for.
        func docsLinks() throws -> DocsLinks {
            guard let publicURL else { return DocsLinks() }
            do {
                return try DocsLinks(publicURL: publicURL)
            } catch {
                throw ValidationError("--public-url: \(error)")
            }
        }

        func run() async throws {
            let logger = store.makeLogger(label: "errata-server")
            let links = try docsLinks()
            // Pages, errata.js and the admin console come from a resource bundle beside the binary; a
            // deployment that forgot to copy it is told at start, not by a failing page later.
            if case .failure(let error) = WebResources.bundled {
                throw CommandFailure(message: "\(error); copy errata_ErrataWeb.resources next to errata-server")
            }
            let catalogStore = try store.openStore(logger: logger)
            let live: LiveCatalog
            do {
                live = try await CatalogBootstrap.liveCatalog(
                    store: catalogStore,
                    localizations: URL(fileURLWithPath: localizations, isDirectory: true),
                    links: links,
                    logger: logger
                )
            } catch {
                throw CommandFailure(message: "\(error)")
            }
            let configuration = ServerConfiguration(
                host: host, port: port, maximumBodySize: maxBodySize, corsAllowedOrigins: corsOrigins,
                requireReadToken: requireReadToken, maximumAuthFailures: maxAuthFailures,
                trustedProxies: trustedProxies.compactMap { IPAddressRange($0) }, idleTimeout: .seconds(idleTimeout), docsLinks: links
            )
            defer {
                // The server and its services have stopped: closing the database lets SQLite checkpoint its log.
                do { try catalogStore.close() } catch { logger.error("Could not close the database", metadata: ["error": "\(error)"]) }
            }
            let readiness = Readiness()
            // One registry for the process: Errata's own metrics, and whatever libraries record through swift-metrics.
            let metrics = ServerMetrics()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics.registry))
            let app = buildApplication(
                configuration: configuration, store: catalogStore, live: live, logger: logger, readiness: readiness, metrics: metrics, answersReadsOnEventLoop: ProcessInfo.processInfo.environment["ERRATA_EVENT_LOOP_READS"] != "off"
            ) { address in
                FileHandle.standardOutput.write(Data("\(Self.listeningLine(address))\n".utf8))
            }
            // Shutdown runs in reverse order: /readyz turns 503 before the server stops accepting.
            var group = ServiceGroupConfiguration(services: [app, DrainSignal(readiness: readiness, delay: .seconds(drainDelay))], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            group.maximumGracefulShutdownDuration = .seconds(gracePeriod)
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
