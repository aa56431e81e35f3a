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
    /// Where a follower stands against its primary; `nil` on a primary.
    let follower: FollowerStatus?

    package init(live: LiveCatalog, store: CatalogStore, readiness: Readiness, metrics: ServerMetrics, follower: FollowerStatus? = nil) {
        self.live = live
        self.store = store
        self.readiness = readiness
        self.metrics = metrics
        self.follower = follower
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
    /// server listens), the database answers a read, graceful shutdown has not begun and, on a
    /// follower, it has caught up with its primary (and heard from it recently, if bounded).
    @Sendable func ready(_ request: Request, context: Context) async throws -> Response {
        if readiness.isDraining {
            throw Problem.notReady(condition: "draining", detail: "the server is shutting down")
        }
        let served = live.served.revision
        let report = follower?.report(servedRevision: served)
        if let report, let reason = report.notReadyBecause {
            throw Problem.notReady(condition: "follower", detail: "this follower \(reason)", extensions: FollowerHealth(report).members)
        }
        do {
            _ = try await store.publishedHead()
        } catch {
            context.logger.warning("Not ready: the database cannot be read", metadata: ["error": "\(error)"])
            throw Problem.notReady(condition: "database", detail: "the database cannot be read")
        }
        return status("ready", revision: served, follower: report.map(FollowerHealth.init))
    }

    /// A probe's answer: `status`, the served revision and, on a follower, its lag; never cached.
    private func status(_ status: String, revision: Int? = nil, follower: FollowerHealth? = nil) -> Response {
        let body = CanonicalJSON.encode(HealthStatus(status: status, revision: revision ?? live.served.revision, follower: follower))
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
        if let follower { metrics.recordFollower(follower.report(servedRevision: live.served.revision)) }
        return Response(
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
    /// 503: `/readyz` found `condition` (`database`, `draining` or `follower`) failing.
    static func notReady(condition: String, detail: String, extensions: [String: JSONValue] = [:]) -> Problem {
        Problem(
            status: .serviceUnavailable, kind: "not-ready", title: "Not ready", detail: detail,
            reason: "NotReady", extensions: extensions.merging(["condition": .string(condition)]) { _, condition in condition }
        )
    }
}

/// The answer of `GET /healthz` and `GET /readyz`.
struct HealthStatus: Codable, Sendable {
    var status: String
    var revision: Int
    /// On a follower's `/readyz`: where it stands against its primary.
    var follower: FollowerHealth?
}

/// A follower's lag, as `/readyz` reports it.
struct FollowerHealth: Codable, Sendable {
    /// Revisions the primary had at the last contact that are not served yet.
    var lagRevisions: Int
    /// Seconds since the primary last answered, rounded down; `nil` when it never did.
    var secondsSinceContact: Int?

    init(_ report: FollowerStatus.Report) {
        lagRevisions = report.lagRevisions
        secondsSinceContact = report.secondsSinceContact.map { Int($0) }
    }

    /// The same, as members of a problem.
    var members: [String: JSONValue] {
        var members: [String: JSONValue] = ["lagRevisions": .integer(Int64(lagRevisions))]
        if let secondsSinceContact { members["secondsSinceContact"] = .integer(Int64(secondsSinceContact)) }
        return members
    }
}
