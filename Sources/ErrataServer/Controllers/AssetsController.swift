package import ErrataWeb
package import Hummingbird
import HTTPTypes

/// Files sent as they are: the pages' stylesheet and script (`GET /assets/{name}`), the browser
/// client (`GET /client/errata.js`, `GET /client/errata.d.ts`) and the admin console (`GET /admin`,
/// `GET /admin/{name}`), each with a strong entity tag from its content.
package struct AssetsController<Context: RequestContext>: Sendable {
    let resources: Result<WebResources, WebResourceError>

    package init(resources: Result<WebResources, WebResourceError> = WebResources.bundled) {
        self.resources = resources
    }

    /// `GET /assets/{name}`: addressed with `?v=` and the content's hash by the pages, so kept for a year.
    package var assetEndpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get(":name") { _, context in
            try serve(\.assets, named: context.parameters.require("name"), cacheControl: CacheableResponse.immutable)
        }
        return routes
    }

    /// `GET /client/{name}`: under an address that does not change, so revalidated after a minute.
    package var clientEndpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get(":name") { _, context in
            try serve(\.clientFiles, named: context.parameters.require("name"), cacheControl: CacheableResponse.reuseBriefly)
        }
        return routes
    }

    /// `GET /admin` and `GET /admin/{name}`. The console's modules import one another by names that do
    /// not change, so every file is revalidated at each load: a console never mixes two builds' modules.
    package var adminEndpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get { _, _ in
            try serve(\.adminFiles, named: "index.html", cacheControl: CacheableResponse.revalidateEveryTime, headers: Self.consoleHeaders)
        }
        routes.get(":name") { _, context in
            try serve(
                \.adminFiles, named: context.parameters.require("name"), cacheControl: CacheableResponse.revalidateEveryTime,
                headers: Self.consoleHeaders
            )
        }
        return routes
    }

    /// The console's policy: the pages' (no inline code, no other origin, no framing) plus calls to this
    /// origin's `/rpc`; and no referrer, so a link the console shows never learns the console's address.
    static var consoleHeaders: HTTPFields {
        [
            .contentSecurityPolicy: PageResponse.contentSecurityPolicy + "; connect-src 'self'",
            .xContentTypeOptions: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
        ]
    }

    private func serve(
        _ folder: KeyPath<WebResources, [String: WebAsset]>, named name: String, cacheControl: String,
        headers: HTTPFields = [.xContentTypeOptions: "nosniff"]
    ) throws -> CacheableResponse {
        guard let file = try resources.get()[keyPath: folder][name] else {
            throw HTTPError(.notFound)
        }
        return CacheableResponse(body: file.body, entityTag: file.entityTag, cacheControl: cacheControl, contentType: file.contentType, headers: headers)
    }
}
