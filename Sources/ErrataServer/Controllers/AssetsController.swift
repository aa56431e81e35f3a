package import ErrataWeb
package import Hummingbird

/// Files sent as they are: the pages' stylesheet and script (`GET /assets/{name}`) and the browser
/// client (`GET /client/errata.js`, `GET /client/errata.d.ts`), each with a strong entity tag from its content.
package struct AssetsController<Context: RequestContext>: Sendable {
    let resources: Result<WebResources, WebResourceError>

    package init(resources: Result<WebResources, WebResourceError> = WebResources.bundled) {
        self.resources = resources
    }

    /// `GET /assets/{name}`: addressed with `?v=` and the content's hash by the pages, so kept for a year.
    package var assetEndpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get(":name") { request, context in
            try serve(try resources.get().assets, request: request, context: context, cacheControl: CacheableResponse.immutable)
        }
        return routes
    }

    /// `GET /client/{name}`: under an address that does not change, so revalidated after a minute.
    package var clientEndpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get(":name") { request, context in
            try serve(try resources.get().clientFiles, request: request, context: context, cacheControl: CacheableResponse.reuseBriefly)
        }
        return routes
    }

    private func serve(_ files: [String: WebAsset], request: Request, context: Context, cacheControl: String) throws -> CacheableResponse {
        let name = try context.parameters.require("name")
        guard let file = files[name] else {
            throw HTTPError(.notFound)
        }
        return CacheableResponse(
            body: file.body, entityTag: file.entityTag, cacheControl: cacheControl, contentType: file.contentType,
            headers: [.xContentTypeOptions: "nosniff"]
        )
    }
}
