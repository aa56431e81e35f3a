import ErrataCore
import Hummingbird

/// The REST reads a served catalog answers, whichever route names it: the current revision's
/// (`/v1/errors/{code}`, `/v1/catalog`) or a revision's own (`/v1/revisions/{n}/…`).
extension ServedCatalog {
    /// One entry, `…/errors/{code}?variant=&locale=`.
    ///
    /// - Throws: A 400 ``Problem`` for too long a code; `CatalogLookupError` for an unknown code or variant.
    func describeResponse(_ request: Request, code: String) throws -> CacheableResponse {
        let requested = try ErrorCode(pathSegment: code)
        let variant = request.nonEmptyQueryParameter("variant").map { VariantName($0) }
        let negotiation = negotiate(request)
        let entry = try snapshot.entry(code: requested, variant: variant)
        return CacheableResponse(
            body: try describeBody(entry, negotiation: negotiation, requestedCode: requested),
            entityTag: entityTag(for: negotiation),
            contentLanguage: negotiation.locale.rawValue
        )
    }

    /// The entries matching the filters, `/v1/errors?locale=&category=&httpStatus=`.
    ///
    /// - Throws: A 400 ``Problem`` for an `httpStatus` that is not a status code.
    func listResponse(_ request: Request) throws -> CacheableResponse {
        let negotiation = negotiate(request)
        let httpStatus = try request.integerQueryParameter("httpStatus", in: 100...999)
        let category = request.nonEmptyQueryParameter("category").map { ErrorCategory($0) }
        let listing = listing(negotiation: negotiation, category: category, httpStatus: httpStatus)
        return CacheableResponse(
            body: listing.body,
            entityTag: entityTag(for: negotiation),
            contentLanguage: negotiation.locale.rawValue,
            gzipBody: listing.gzip
        )
    }

    /// The catalog's locales and whether each is complete, `/v1/locales`.
    func localesResponse() -> CacheableResponse {
        CacheableResponse(body: localesBody, entityTag: "\"r\(revision)-locales\"", contentLanguage: nil)
    }

    /// Every entry in one locale, `…/catalog?locale=`.
    func catalogResponse(_ request: Request) -> CacheableResponse {
        let negotiation = negotiate(request)
        let listing = listing(negotiation: negotiation)
        return CacheableResponse(
            body: listing.body,
            entityTag: entityTag(for: negotiation),
            contentLanguage: negotiation.locale.rawValue,
            gzipBody: listing.gzip
        )
    }

    /// Negotiates the locale of a REST read from `?locale=` and `Accept-Language`.
    func negotiate(_ request: Request) -> LocaleNegotiation {
        negotiate(
            explicit: request.nonEmptyQueryParameter("locale").map { String($0.prefix(LanguageTag.maximumLength + 1)) },
            acceptLanguage: request.headers[.acceptLanguage]
        )
    }
}

extension ErrorCode {
    /// The code a path names, `…/errors/{code}`.
    ///
    /// - Throws: A 400 ``Problem`` for a code longer than `ErrorCode.maximumLength`.
    init(pathSegment code: String) throws(Problem) {
        guard code.utf8.count <= ErrorCode.maximumLength else {
            throw Problem.badRequest("code is longer than \(ErrorCode.maximumLength) bytes", parameter: "code")
        }
        self.init(code)
    }
}
