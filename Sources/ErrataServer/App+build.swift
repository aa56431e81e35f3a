public import ErrataStore
public import Hummingbird
public import Logging

/// Builds the Errata HTTP application serving `live`.
///
/// - Parameters:
///   - configuration: Address, limits and CORS origins.
///   - live: The catalog to serve.
///   - logger: The application's logger.
/// - Returns: An application ready to `runService()`.
public func buildApplication(
    configuration: ServerConfiguration,
    live: LiveCatalog,
    logger: Logger
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(configuration: configuration, live: live),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "errata"),
        logger: logger
    )
}

/// Builds the router: JSON-RPC at `/rpc`, REST reads under `/v1`, and the operational endpoints.
public func buildRouter(configuration: ServerConfiguration, live: LiveCatalog) -> Router<ErrataRequestContext> {
    let router = Router(context: ErrataRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: CORSAllowListMiddleware(allowedOrigins: configuration.corsAllowedOrigins))
    router.add(middleware: ProblemMiddleware())
    let dispatcher = RPCDispatcher(methods: CatalogMethods(live: live).methods, limits: configuration.rpcLimits)
    router.addRoutes(RPCController(dispatcher: dispatcher, maximumBodySize: configuration.maximumBodySize).endpoints, atPath: "/rpc")
    router.addRoutes(ErrorsController(live: live).endpoints, atPath: "/v1/errors")
    router.addRoutes(CatalogController(live: live).endpoints, atPath: "/v1")
    router.addRoutes(ServiceController(live: live).endpoints)
    return router
}
