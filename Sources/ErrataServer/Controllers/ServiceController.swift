import ErrataCore
import Foundation
public import Hummingbird
import NIOFoundationCompat

/// Operational endpoints: `GET /healthz` and `GET /openapi.yaml`.
public struct ServiceController<Context: RequestContext>: Sendable {
    let live: LiveCatalog

    public init(live: LiveCatalog) {
        self.live = live
    }

    public var endpoints: RouteCollection<Context> {
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

/// The contracts bundled into the module; the repository's top-level `openapi.yaml` links to the first.
enum OpenAPIDocument {
    static let data = bundledResource("openapi", withExtension: "yaml")
}

/// The OpenRPC document `rpc.discover` answers with.
enum OpenRPCDocument {
    static let data = bundledResource("openrpc", withExtension: "json")
}

private func bundledResource(_ name: String, withExtension fileExtension: String) -> Data {
    guard let url = Bundle.module.url(forResource: name, withExtension: fileExtension), let data = try? Data(contentsOf: url) else {
        preconditionFailure("\(name).\(fileExtension) is missing from the ErrataServer resource bundle")
    }
    return data
}

struct HealthStatus: Codable, Sendable {
    var status: String
    var revision: Int
}
