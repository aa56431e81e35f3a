import ErrataCore
package import Hummingbird

/// REST reads of errors: `GET /v1/errors` and `GET /v1/errors/{code}`.
package struct ErrorsController<Context: RequestContext>: Sendable {
    let live: LiveCatalog

    package init(live: LiveCatalog) {
        self.live = live
    }

    package var endpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get(use: list)
        routes.get(":code", use: describe)
        return routes
    }

    /// `GET /v1/errors?locale=&category=&httpStatus=`: the entries matching the filters.
    @Sendable func list(_ request: Request, context: Context) async throws -> CacheableResponse {
        try live.served.listResponse(request)
    }

    /// `GET /v1/errors/{code}?variant=&locale=`: one entry.
    @Sendable func describe(_ request: Request, context: Context) async throws -> CacheableResponse {
        try live.served.describeResponse(request, code: try context.parameters.require("code"))
    }
}
