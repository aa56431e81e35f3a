import ErrataCore
import ErrataWeb
import Foundation
import Hummingbird

extension ServedCatalog {
    /// The page of one error, `/docs/errors/{code}?variant=&locale=`, whichever path answers it; an
    /// alias gets its entry's page saying so.
    ///
    /// - Throws: A 400 ``Problem`` for too long a code; `CatalogLookupError` for an unknown code or
    ///   variant (the route answers its 404 page); `WebResourceError` when the page cannot be rendered.
    func errorPageResponse(_ request: Request, code: String, pages: DocsPages) throws -> CacheableResponse {
        let requested = try ErrorCode(pathSegment: code)
        let negotiation = negotiate(request)
        let variant = request.nonEmptyQueryParameter("variant").map { VariantName($0) }
        let entry = try snapshot.entry(code: requested, variant: variant)
        let alias = entry.code == requested ? nil : requested
        let body = try page(.error(entry.key, alias: alias, negotiation.locale), negotiation: negotiation) { () throws(WebResourceError) in
            Data(try pages.errorPage(snapshot: snapshot, entry: entry, alias: alias, negotiation: negotiation).utf8)
        }
        return PageResponse.cacheable(body, entityTag: pages.entityTag(self, negotiation), locale: negotiation.locale)
    }
}
