public import Hummingbird

/// REST reads of the whole catalog: `GET /v1/catalog` and `GET /v1/locales`.
public struct CatalogController<Context: RequestContext>: Sendable {
    let live: LiveCatalog

    public init(live: LiveCatalog) {
        self.live = live
    }

    public var endpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("catalog", use: catalog)
        routes.get("catalog/snapshot", use: snapshot)
        routes.get("locales", use: locales)
        return routes
    }

    /// `GET /v1/catalog?locale=`: every entry in one locale.
    @Sendable func catalog(_ request: Request, context: Context) async throws -> CacheableResponse {
        let served = live.served
        let negotiation = served.negotiate(request)
        return CacheableResponse(
            body: served.listingBody(negotiation: negotiation),
            entityTag: served.entityTag(for: negotiation),
            contentLanguage: negotiation.locale.rawValue
        )
    }

    /// `GET /v1/catalog/snapshot`: the whole catalog in every locale, for clients that cache it offline.
    @Sendable func snapshot(_ request: Request, context: Context) async throws -> CacheableResponse {
        let served = live.served
        return CacheableResponse(body: served.documentBody, entityTag: "\"r\(served.revision)-snapshot\"", contentLanguage: nil)
    }

    /// `GET /v1/locales`: the catalog's locales and whether each is complete.
    @Sendable func locales(_ request: Request, context: Context) async throws -> CacheableResponse {
        let served = live.served
        return CacheableResponse(body: served.localesBody, entityTag: "\"r\(served.revision)-locales\"", contentLanguage: nil)
    }
}
