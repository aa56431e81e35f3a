import ErrataCore
package import ErrataWeb
import Foundation
package import Hummingbird

/// The error pages: `GET /docs`, `GET /docs/errors/{code}` and `GET /docs/problems/{slug}`.
///
/// Pages are rendered by ErrataWeb from the served snapshot and kept per (page, locale, revision)
/// by ``ServedCatalog``, so a publish shows its text at once and a repeated read renders nothing.
package struct DocsController<Context: RequestContext>: Sendable {
    let live: LiveCatalog
    let pages: Result<DocsPages, WebResourceError>

    package init(live: LiveCatalog, resources: Result<WebResources, WebResourceError> = WebResources.bundled) {
        self.live = live
        self.pages = resources.map { DocsPages(links: live.links, resources: $0) }
    }

    package var endpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get(use: index)
        routes.get("errors/:code", use: error)
        routes.get("problems/:slug", use: problem)
        return routes
    }

    /// `GET /docs?q=&status=&retry=&origin=&locale=`: every error by category, the filter's matches shown.
    @Sendable func index(_ request: Request, context: Context) async throws -> CacheableResponse {
        let pages = try pages.get()
        let served = live.served
        let negotiation = served.negotiate(request)
        let filter = DocsFilter(
            query: String((request.formQueryParameter("q") ?? "").prefix(200)),
            // A value the form never offers filters nothing, as the form then shows.
            httpStatus: request.nonEmptyQueryParameter("status").flatMap { Int($0) },
            retry: request.nonEmptyQueryParameter("retry").flatMap { RetryClass(rawValue: $0) },
            origin: request.nonEmptyQueryParameter("origin").flatMap { EntryOrigin(rawValue: $0) }
        )
        let render = { () throws(WebResourceError) in
            Data(try pages.indexPage(snapshot: served.snapshot, negotiation: negotiation, filter: filter).utf8)
        }
        let body = try filter.isEmpty ? served.page(.index(negotiation.locale), negotiation: negotiation, render: render) : render()
        return PageResponse.cacheable(body, entityTag: pages.entityTag(served, negotiation), locale: negotiation.locale)
    }

    /// `GET /docs/errors/{code}?variant=&locale=`: one error; an alias gets its entry's page saying so, an
    /// unknown code or variant the 404 page.
    @Sendable func error(_ request: Request, context: Context) async throws -> Response {
        let pages = try pages.get()
        let served = live.served
        let code = try context.parameters.require("code")
        do {
            return try served.errorPageResponse(request, code: code, pages: pages).response(from: request, context: context)
        } catch let error as CatalogLookupError {
            let missing: DocsPages.Missing
            switch error {
            case .unknownCode(let code, let suggestions):
                missing = .code(code, suggestions: suggestions)
            case .unknownVariant(let code, let variant, _):
                missing = .variant(code, variant, available: served.snapshot.entries.filter { $0.code == code }.map(\.variant))
            case .unknownParameter, .parameterNotANumber:
                throw error
            }
            guard PageResponse.wantsHTML(request) else { throw error }
            let locale = served.negotiate(request).locale
            return PageResponse.failure(.notFound, html: try pages.notFoundPage(missing, snapshot: served.snapshot, locale: locale), locale: locale)
        }
    }

    /// `GET /docs/problems/{slug}?locale=`: what a problem Errata answers means.
    @Sendable func problem(_ request: Request, context: Context) async throws -> Response {
        let pages = try pages.get()
        let served = live.served
        let slug = String(try context.parameters.require("slug").prefix(100))
        let negotiation = served.negotiate(request)
        guard pages.problemSlugs.contains(slug) else {
            guard PageResponse.wantsHTML(request) else {
                throw Problem(status: .notFound, kind: "not-found", title: "Not Found", detail: "no problem type '\(slug)'", reason: "NotFound")
            }
            let html = try pages.notFoundPage(.problem(slug), snapshot: served.snapshot, locale: negotiation.locale)
            return PageResponse.failure(.notFound, html: html, locale: negotiation.locale)
        }
        let body = try served.page(.problem(slug, negotiation.locale), negotiation: negotiation) { () throws(WebResourceError) in
            Data(try pages.problemPage(slug: slug, snapshot: served.snapshot, locale: negotiation.locale).utf8)
        }
        return try PageResponse.cacheable(body, entityTag: pages.entityTag(served, negotiation), locale: negotiation.locale)
            .response(from: request, context: context)
    }
}

extension DocsPages {
    /// A page's strong entity tag: the revision and locale, as for the JSON reads, and what the
    /// page is rendered with (`"r3-zh-Hant-p<fingerprint>"`).
    func entityTag(_ served: ServedCatalog, _ negotiation: LocaleNegotiation) -> String {
        String(served.entityTag(for: negotiation).dropLast()) + "-p\(fingerprint)\""
    }
}
