import ErrataCore
package import Hummingbird

/// REST reads of one published revision, under URLs whose answers never change:
/// `GET /v1/revisions/{n}/errors/{code}` and `GET /v1/revisions/{n}/catalog`.
///
/// They answer `Cache-Control: public, max-age=31536000, immutable` (`private` when reads need a
/// token), so HTTP caches and CDNs keep them for good. The newest ``LiveCatalog/retainedRevisions``
/// revisions are served from memory, as the current one is; an older one is `410 Gone`, a newer one `404`.
package struct RevisionsController<Context: RequestContext>: Sendable {
    let live: LiveCatalog

    package init(live: LiveCatalog) {
        self.live = live
    }

    package var endpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get(":revision/errors/:code", use: describe)
        routes.get(":revision/catalog", use: catalog)
        return routes
    }

    /// `GET /v1/revisions/{n}/errors/{code}?variant=&locale=`.
    @Sendable func describe(_ request: Request, context: Context) async throws -> CacheableResponse {
        var response = try served(context).describeResponse(request, code: try context.parameters.require("code"))
        response.cacheControl = CacheableResponse.immutable
        return response
    }

    /// `GET /v1/revisions/{n}/catalog?locale=`.
    @Sendable func catalog(_ request: Request, context: Context) async throws -> CacheableResponse {
        var response = try served(context).catalogResponse(request)
        response.cacheControl = CacheableResponse.immutable
        return response
    }

    /// The served catalog of the revision the path names.
    private func served(_ context: Context) throws -> ServedCatalog {
        let text = try context.parameters.require("revision")
        guard let revision = Int(text), revision >= 1 else {
            throw Problem.badRequest("the revision must be a published revision number, 1 or more", parameter: "revision")
        }
        if let served = live.served(revision: revision) { return served }
        let current = live.served.revision
        guard revision < current else {
            throw Problem(
                status: .notFound, kind: "unknown-revision", title: "No such revision",
                detail: "revision \(revision) is not published; the current revision is \(current)", reason: "UnknownRevision",
                extensions: ["currentRevision": .integer(Int64(current))]
            )
        }
        throw Problem(
            status: .gone, kind: "revision-not-kept", title: "Revision not kept",
            detail: "revision \(revision) is no longer served under its own URL; read /v1/revisions/\(current)/… or the current reads",
            reason: "RevisionNotKept", extensions: ["currentRevision": .integer(Int64(current))]
        )
    }
}
