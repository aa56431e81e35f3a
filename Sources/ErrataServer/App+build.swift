package import ErrataStore
import ErrataWeb
package import Hummingbird
package import Logging
package import NIOCore
import ServiceLifecycle

/// Builds the Errata HTTP application serving `live`, with its background services.
///
/// The services (``TokenUseRecorder``, and ``CatalogWatcher`` on a primary or ``Follower`` on a
/// follower) run in the application's service group, so SIGTERM and SIGINT stop them gracefully after the server.
///
/// - Parameters:
///   - configuration: Address, limits, CORS origins, read-token policy and service intervals.
///   - store: The database edits go to.
///   - live: The catalog to serve; kept in step with every publish, here or by another process.
///   - logger: The application's logger.
///   - readiness: What `GET /readyz` reports as draining; run a ``DrainSignal`` on it after the application.
///   - metrics: Where requests, calls, publishes and authentications are counted; what `GET /metrics` answers.
///   - answersReadsOnEventLoop: Whether the public cacheable reads are answered on the event loop
///     (``EventLoopReads``) rather than by the router; the answers are the same, only faster.
///   - answersFromBytes: With `answersReadsOnEventLoop`, whether the plainest of them are answered
///     straight from the connection's bytes (``ReadyResponseHandler``) rather than after NIO's HTTP
///     decoder; off only to measure or test the decoded path alone.
///   - onServerRunning: Called with the bound address once the server listens.
/// - Returns: An application ready to `runService()`.
package func buildApplication(
    configuration: ServerConfiguration,
    store: CatalogStore,
    live: LiveCatalog,
    logger: Logger,
    readiness: Readiness = Readiness(),
    metrics: ServerMetrics = ServerMetrics(),
    answersReadsOnEventLoop: Bool = true,
    answersFromBytes: Bool = true,
    onServerRunning: @escaping @Sendable (SocketAddress?) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let access = AccessControl(configuration: configuration, store: store, metrics: metrics)
    let followerStatus = configuration.follower.map { FollowerStatus(primary: $0.primary, maximumSilence: $0.maximumSilence) }
    // A follower's database changes only through its `Follower`, which serves each change itself.
    let catalogUpdates: any Service =
        if let follower = configuration.follower, let followerStatus {
            Follower(configuration: follower, store: store, live: live, status: followerStatus, metrics: metrics, logger: logger)
        } else {
            CatalogWatcher(store: store, live: live, interval: configuration.catalogCheckInterval, metrics: metrics, logger: logger)
        }
    let serverName = "errata"
    let service = EditService(store: store, live: live, access: access, metrics: metrics, primary: configuration.follower?.primary)
    let dispatcher = buildDispatcher(configuration: configuration, live: live, access: access, service: service, metrics: metrics)
    // Token-protected reads need the access check's asynchronous token lookup: they stay on the router.
    let reads = answersReadsOnEventLoop && !configuration.requireReadToken
        ? EventLoopReads(
            live: live, logger: logger, cors: CORSAllowListMiddleware(allowedOrigins: configuration.corsAllowedOrigins),
            serverName: serverName, dispatcher: dispatcher, maximumBodySize: configuration.maximumBodySize,
            pages: try? WebResources.bundled.map { DocsPages(links: live.links, resources: $0) }.get()
        ) : nil
    return Application(
        router: buildRouter(
            configuration: configuration, store: store, live: live, access: access, service: service, dispatcher: dispatcher,
            readiness: readiness, metrics: metrics, follower: followerStatus
        ),
        server: .errataHTTP1(configuration, reads: reads, fromBytes: answersFromBytes, metrics: metrics),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: serverName, backlog: listenBacklog
        ),
        services: [TokenUseRecorder(access: access, interval: configuration.tokenUseWriteInterval, logger: logger), catalogUpdates],
        onServerRunning: { channel in await onServerRunning(channel.localAddress) },
        logger: logger
    )
}

/// How many connections the kernel holds for the server before it accepts them (capped by
/// `net.core.somaxconn`). Hummingbird's 256 overflowed when 2,000 clients connected at once: the kernel
/// dropped their SYNs, and each waited the one-second retransmission, 1.5 s at the 99th percentile (measured).
let listenBacklog = 4_096

/// The JSON-RPC methods the service registers, for `POST /rpc`.
package func buildDispatcher(
    configuration: ServerConfiguration, live: LiveCatalog, access: AccessControl, service: EditService, metrics: ServerMetrics = ServerMetrics()
) -> RPCDispatcher {
    // `rpc.discover` (OpenRPC 1.3) is the one `rpc.*` name in use.
    let discovery = RPCMethod("rpc.discover") { call in
        _ = try call.input()
        return OpenRPCDocument.data
    }
    let methods = CatalogMethods(live: live, access: access).methods + AdminMethods(service: service).methods + [discovery]
    return RPCDispatcher(methods: methods, limits: configuration.rpcLimits, metrics: metrics)
}

/// Builds the router: JSON-RPC at `/rpc`, REST reads under `/v1` (and `POST /v1/explain`), admin edits under `/v1/admin`,
/// the error pages under `/docs` with their assets, the browser client under `/client`, and the
/// operational endpoints (`/metrics` among them).
///
/// - Parameters:
///   - configuration: Limits, CORS origins and read-token policy.
///   - store: The database edits go to.
///   - live: The catalog to serve.
///   - access: Checks tokens; run a ``TokenUseRecorder`` on it to write their uses.
///   - service: Where the admin routes' edits go.
///   - dispatcher: The JSON-RPC methods `/rpc` answers (``buildDispatcher(configuration:live:access:service:metrics:)``).
///   - readiness: What `GET /readyz` reports as draining.
///   - metrics: Where requests, calls and publishes are counted; give `access` the same.
///   - follower: On a follower, where it stands against its primary: what `/readyz` and `/metrics` report.
package func buildRouter(
    configuration: ServerConfiguration, store: CatalogStore, live: LiveCatalog, access: AccessControl, service: EditService,
    dispatcher: RPCDispatcher, readiness: Readiness = Readiness(), metrics: ServerMetrics = ServerMetrics(), follower: FollowerStatus? = nil
) -> Router<ErrataRequestContext> {
    let router = Router(context: ErrataRequestContext.self, options: .autoGenerateHeadEndpoints)
    // First, so its line covers everything below and every later line carries the request id.
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
    if !configuration.trustedProxies.isEmpty {
        router.add(middleware: ForwardedClientMiddleware(trustedProxies: configuration.trustedProxies))
    }
    router.add(middleware: CORSAllowListMiddleware(allowedOrigins: configuration.corsAllowedOrigins))
    router.add(middleware: ProblemMiddleware(links: live.links))
    router.add(middleware: QueryCredentialMiddleware())
    let routeTable = MethodNotAllowedMiddleware<ErrataRequestContext>.RouteTable()
    router.add(middleware: MethodNotAllowedMiddleware(table: routeTable))

    router.addRoutes(RPCController(dispatcher: dispatcher, maximumBodySize: configuration.maximumBodySize).endpoints, atPath: "/rpc")
    // Middleware on a group applies to the routes added after it, so it comes first. Public reads
    // get no access check at all: one async layer less on the hottest path.
    func readGroup(_ path: RouterPath) -> RouterGroup<ErrataRequestContext> {
        let group = router.group(path)
        guard configuration.requireReadToken else { return group }
        return group.add(middleware: PrivateReadsMiddleware()).add(middleware: AccessMiddleware(access: access, scope: .read))
    }
    readGroup("/v1/errors").addRoutes(ErrorsController(live: live).endpoints)
    readGroup("/v1").addRoutes(CatalogController(live: live).endpoints)
    readGroup("/v1/revisions").addRoutes(RevisionsController(live: live).endpoints)
    let explain = ExplainController<ErrataRequestContext>(
        live: live, maximumBodySize: configuration.maximumBodySize, maximumDepth: configuration.rpcLimits.maximumDepth
    )
    readGroup("/v1/explain").addRoutes(explain.endpoints)
    // The pages show the catalog, so they are reads; their assets and the client hold no catalog data.
    readGroup("/docs").addRoutes(DocsController(live: live).endpoints)
    let assets = AssetsController<ErrataRequestContext>()
    router.addRoutes(assets.assetEndpoints, atPath: "/assets")
    router.addRoutes(assets.clientEndpoints, atPath: "/client")
    // The console holds no catalog data; what it shows comes from `/rpc` with the admin's token.
    router.addRoutes(assets.adminEndpoints, atPath: "/admin")
    let admin = AdminController<ErrataRequestContext>(
        service: service, maximumBodySize: configuration.maximumBodySize, maximumDepth: configuration.rpcLimits.maximumDepth
    )
    router.addRoutes(admin.endpoints, atPath: "/v1/admin")
    router.addRoutes(ServiceController(live: live, store: store, readiness: readiness, metrics: metrics, follower: follower).endpoints)
    routeTable.load(from: router)
    return router
}

extension AccessControl {
    /// The access control `configuration` asks for.
    init(configuration: ServerConfiguration, store: CatalogStore, metrics: ServerMetrics) {
        self.init(
            store: store, requireReadToken: configuration.requireReadToken, tokenCacheLifetime: configuration.tokenCacheLifetime,
            maximumFailures: configuration.maximumAuthFailures, metrics: metrics
        )
    }
}
