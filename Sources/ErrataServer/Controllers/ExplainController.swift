import ErrataCore
package import Hummingbird
import NIOFoundationCompat

/// `POST /v1/explain`: REST's adapter over the explanation `errors.explain` answers.
package struct ExplainController<Context: RequestContext>: Sendable {
    let live: LiveCatalog
    let maximumBodySize: Int
    let maximumDepth: Int

    package init(live: LiveCatalog, maximumBodySize: Int, maximumDepth: Int) {
        self.live = live
        self.maximumBodySize = maximumBodySize
        self.maximumDepth = maximumDepth
    }

    package var endpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.post(use: explain)
        return routes
    }

    /// `POST /v1/explain` with `{body?, httpStatus?, headers?, locale?}`; the locale is the `locale`
    /// member when given, else negotiated from `Accept-Language`.
    ///
    /// The answer depends on the body posted, so no cache may keep it (`no-store`).
    @Sendable func explain(_ request: Request, context: Context) async throws -> Response {
        let members = try await request.jsonMembers(ExplainInput.names, maximumBodySize: maximumBodySize, maximumDepth: maximumDepth)
        let (body, locale) = try live.served.explain(try ExplainInput(members), acceptLanguage: request.headers[.acceptLanguage])
        let headers: HTTPFields = [
            .contentType: "application/json; charset=utf-8", .cacheControl: "no-store",
            .contentLanguage: locale.rawValue, .vary: "Accept-Language",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: body)))
    }
}
