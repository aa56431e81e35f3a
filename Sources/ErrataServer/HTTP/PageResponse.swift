import ErrataCore
import Foundation
import Hummingbird
import NIOCore

/// The headers and forms of an HTML page's response.
enum PageResponse {
    /// Pages load only their own stylesheet and script: no inline code, no other origin, no framing.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// What every page response carries.
    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy: contentSecurityPolicy,
        .xContentTypeOptions: "nosniff",
    ]

    static let contentType = "text/html; charset=utf-8"

    /// A page read: revalidated with its strong entity tag like the JSON reads.
    static func cacheable(_ body: Data, entityTag: String, locale: LanguageTag) -> CacheableResponse {
        CacheableResponse(body: body, entityTag: entityTag, contentLanguage: locale.rawValue, contentType: contentType, headers: securityHeaders)
    }

    /// A page answering an error status, such as the 404 page; never stored by caches.
    static func failure(_ status: HTTPResponse.Status, html: String, locale: LanguageTag) -> Response {
        var headers = securityHeaders
        headers[.contentType] = contentType
        headers[.contentLanguage] = locale.rawValue
        headers[.vary] = "Accept-Language"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// Whether a request for a page wants HTML for its failure too: every request but one that asks
    /// for JSON without naming `text/html`, which gets the RFC 9457 problem the API answers.
    static func wantsHTML(_ request: Request) -> Bool {
        guard let accept = request.headers[.accept]?.lowercased() else { return true }
        return accept.contains("text/html") || !accept.contains("json")
    }
}
