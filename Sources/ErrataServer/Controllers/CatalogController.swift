import ErrataCore
package import Hummingbird

/// REST reads of the whole catalog: `GET /v1/catalog` and `GET /v1/locales`.
package struct CatalogController<Context: RequestContext>: Sendable {
    let live: LiveCatalog

    package init(live: LiveCatalog) {
        self.live = live
    }

    package var endpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("catalog", use: catalog)
        routes.get("catalog/snapshot", use: snapshot)
        routes.get("catalog/changes", use: changes)
        routes.get("locales", use: locales)
        return routes
    }

    /// `GET /v1/catalog?locale=`: every entry in one locale.
    @Sendable func catalog(_ request: Request, context: Context) async throws -> CacheableResponse {
        live.served.catalogResponse(request)
    }

    /// `GET /v1/catalog/snapshot`: the whole catalog in every locale, for clients that cache it offline.
    ///
    /// Kept only gzip-encoded; inflated for the rare client that does not accept gzip.
    @Sendable func snapshot(_ request: Request, context: Context) async throws -> CacheableResponse {
        let served = live.served
        return CacheableResponse(
            body: nil, entityTag: "\"r\(served.revision)-snapshot\"", contentLanguage: nil,
            cacheControl: CacheableResponse.revalidateEveryTime, gzipBody: try served.gzipDocument()
        )
    }

    /// `GET /v1/catalog/changes?since=N&locale=&wait=S`: the delta feed; with `wait`, a caller that is
    /// current is answered when the next revision is published, or after `S` seconds.
    ///
    /// The entity tag names the revision the answer brings the caller to, so a caller that
    /// sends the tag of its last answer gets 304 until something is published.
    @Sendable func changes(_ request: Request, context: Context) async throws -> CacheableResponse {
        guard let sinceText = request.nonEmptyQueryParameter("since"), let since = Int(sinceText) else {
            throw Problem.badRequest("since must be an integer revision", parameter: "since")
        }
        let locale = try request.languageTagQueryParameter("locale")
        let wait = try request.integerQueryParameter("wait", in: 0...RevisionFeed.maximumWaitSeconds) ?? 0
        let served = await live.served(since: since, waitingAtMost: .seconds(wait))
        do {
            let changes = try served.changes(since: since, locale: locale)
            return CacheableResponse(
                body: changes.canonicalJSON,
                entityTag: CatalogChanges.entityTag(toRevision: changes.toRevision, since: since, locale: locale),
                contentLanguage: nil,
                cacheControl: CacheableResponse.revalidateEveryTime
            )
        } catch FeedError.sinceOutOfRange {
            // A query value, so the query's problem (400 InvalidParameter); a compacted history is 410 by the table.
            throw Problem.badRequest("since must be between 0 and the current revision \(served.revision)", parameter: "since")
        }
    }

    /// `GET /v1/locales`: the catalog's locales and whether each is complete.
    @Sendable func locales(_ request: Request, context: Context) async throws -> CacheableResponse {
        live.served.localesResponse()
    }
}
