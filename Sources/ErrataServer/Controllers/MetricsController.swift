package import Hummingbird
import NIOCore

/// `GET /metrics`: the service's metrics in the Prometheus text format.
///
/// Public, like `/healthz`, whatever `--require-read-token` says: the answer holds counts, durations,
/// route patterns and the served revision, no catalog text and nothing about tokens, and Prometheus
/// scrapes over a private network. A deployment keeps it off the public edge (the proxy does not pass it).
package struct MetricsController<Context: RequestContext>: Sendable {
    let metrics: ServerMetrics
    let live: LiveCatalog

    package init(metrics: ServerMetrics, live: LiveCatalog) {
        self.metrics = metrics
        self.live = live
    }

    package var endpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("metrics", use: exposition)
        return routes
    }

    /// `GET /metrics`.
    @Sendable func exposition(_ request: Request, context: Context) async throws -> Response {
        let body = metrics.exposition(servedRevision: live.served.revision)
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}
