public import ErrataStore
public import Hummingbird
public import Logging
public import NIOCore

/// Builds the Errata HTTP application serving `live`.
///
/// - Parameters:
///   - configuration: Address, limits, CORS origins and read-token policy.
///   - store: The database edits go to.
///   - live: The catalog to serve; kept in step with every publish.
///   - logger: The application's logger.
///   - onServerRunning: Called with the bound address once the server listens.
/// - Returns: An application ready to `runService()`.
public func buildApplication(
    configuration: ServerConfiguration,
    store: CatalogStore,
    live: LiveCatalog,
    logger: Logger,
    onServerRunning: @escaping @Sendable (SocketAddress?) async -> Void = { _ in }
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(configuration: configuration, store: store, live: live),
        server: .errataHTTP1(configuration),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "errata"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress) },
        logger: logger
    )
}

/// The JSON-RPC methods the service registers, for `POST /rpc`.
public func buildDispatcher(configuration: ServerConfiguration, store: CatalogStore, live: LiveCatalog) -> RPCDispatcher {
    let access = AccessControl(store: store, requireReadToken: configuration.requireReadToken, tokenCacheLifetime: configuration.tokenCacheLifetime)
    let admin = AdminMethods(editor: CatalogEditor(store: store, live: live), access: access)
    return buildDispatcher(configuration: configuration, live: live, access: access, admin: admin)
}

private func buildDispatcher(configuration: ServerConfiguration, live: LiveCatalog, access: AccessControl, admin: AdminMethods) -> RPCDispatcher {
    // `rpc.discover` (OpenRPC 1.3) is the one `rpc.*` name in use.
    let discovery = RPCMethod("rpc.discover") { _, _ in OpenRPCDocument.data }
    return RPCDispatcher(methods: CatalogMethods(live: live, access: access).methods + admin.methods + [discovery], limits: configuration.rpcLimits)
}

/// Builds the router: JSON-RPC at `/rpc`, REST reads under `/v1`, admin edits under `/v1/admin`,
/// and the operational endpoints.
public func buildRouter(configuration: ServerConfiguration, store: CatalogStore, live: LiveCatalog) -> Router<ErrataRequestContext> {
    let access = AccessControl(store: store, requireReadToken: configuration.requireReadToken, tokenCacheLifetime: configuration.tokenCacheLifetime)
    let admin = AdminMethods(editor: CatalogEditor(store: store, live: live), access: access)
    let dispatcher = buildDispatcher(configuration: configuration, live: live, access: access, admin: admin)
    let router = Router(context: ErrataRequestContext.self, options: .autoGenerateHeadEndpoints)
    if !configuration.trustedProxies.isEmpty {
        router.add(middleware: ForwardedClientMiddleware(trustedProxies: configuration.trustedProxies))
    }
    router.add(middleware: CORSAllowListMiddleware(allowedOrigins: configuration.corsAllowedOrigins))
    router.add(middleware: ProblemMiddleware())
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
    router.addRoutes(AdminController(methods: admin, maximumBodySize: configuration.maximumBodySize).endpoints, atPath: "/v1/admin")
    router.addRoutes(ServiceController(live: live).endpoints)
    routeTable.load(from: router)
    return router
}
