import ErrataCore
package import ErrataStore
import Foundation
import Logging
package import Hummingbird
import NIOFoundationCompat

/// Operational endpoints: `GET /healthz`, `GET /readyz`, `GET /metrics` and `GET /openapi.yaml`.
package struct ServiceController<Context: RequestContext>: Sendable {
    let live: LiveCatalog
    let store: CatalogStore
    let readiness: Readiness
    let metrics: ServerMetrics

    package init(live: LiveCatalog, store: CatalogStore, readiness: Readiness, metrics: ServerMetrics) {
        self.live = live
        self.store = store
        self.readiness = readiness
        self.metrics = metrics
    }

    package var endpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("healthz", use: health)
        routes.get("readyz", use: ready)
        routes.get("metrics", use: metricsExposition)
        routes.get("openapi.yaml", use: openAPI)
        return routes
    }

    /// `GET /healthz`: the service is up and serving a revision.
    @Sendable func health(_ request: Request, context: Context) async throws -> Response {
        status("ok")
    }

    /// `GET /readyz`: the process should get traffic: its catalog is loaded (it is, from before the
    /// server listens), the database answers a read, and graceful shutdown has not begun.
    @Sendable func ready(_ request: Request, context: Context) async throws -> Response {
        if readiness.isDraining {
            throw Problem.notReady(condition: "draining", detail: "the server is shutting down")
        }
        do {
            _ = try await store.publishedHead()
        } catch {
            context.logger.warning("Not ready: the database cannot be read", metadata: ["error": "\(error)"])
            throw Problem.notReady(condition: "database", detail: "the database cannot be read")
        }
        return status("ready")
    }

    /// A probe's answer: `status` and the served revision, never cached.
    private func status(_ status: String) -> Response {
        let body = CanonicalJSON.encode(HealthStatus(status: status, revision: live.served.revision))
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(data: body))
        )
    }

    /// `GET /metrics`: the metrics in the Prometheus text format.
    ///
    /// Public, like `/healthz`, whatever `--require-read-token` says: the answer holds counts, durations,
    /// route patterns and the served revision, no catalog text and nothing about tokens, and Prometheus
    /// scrapes over a private network. A deployment keeps it off the public edge.
    @Sendable func metricsExposition(_ request: Request, context: Context) async throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition(servedRevision: live.served.revision)))
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
extension Problem {
    /// 503: `/readyz` found `condition` (`database` or `draining`) failing.
    static func notReady(condition: String, detail: String) -> Problem {
        Problem(
            status: .serviceUnavailable, kind: "not-ready", title: "Not ready", detail: detail,
            reason: "NotReady", extensions: ["condition": .string(condition)]
        )
    }
}

/// The answer of `GET /healthz` and `GET /readyz`.
struct HealthStatus: Codable, Sendable {
    var status: String
    var revision: Int
}
