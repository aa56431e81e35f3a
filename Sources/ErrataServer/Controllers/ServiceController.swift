import ErrataCore
import Foundation
package import Hummingbird
import NIOFoundationCompat

/// Operational endpoints: `GET /healthz` and `GET /openapi.yaml`.
package struct ServiceController<Context: RequestContext>: Sendable {
    let live: LiveCatalog

    package init(live: LiveCatalog) {
        self.live = live
    }

    package var endpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("healthz", use: health)
        routes.get("openapi.yaml", use: openAPI)
        return routes
    }

    /// `GET /healthz`: the service is up and serving a revision.
    @Sendable func health(_ request: Request, context: Context) async throws -> Response {
        let body = CanonicalJSON.encode(HealthStatus(status: "ok", revision: live.served.revision))
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(data: body))
        )
    }

    /// `GET /openapi.yaml`: the contract this build implements.
    @Sendable func openAPI(_ request: Request, context: Context) async throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/yaml", .cacheControl: "public, max-age=300"],
            body: .init(byteBuffer: ByteBuffer(data: OpenAPIDocument.data))
        )
    }
}
/// The answer of `GET /healthz`.
struct HealthStatus: Codable, Sendable {
    var status: String
    var revision: Int
}
