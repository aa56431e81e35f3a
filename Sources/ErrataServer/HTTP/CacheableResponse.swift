import Foundation
import Hummingbird
import NIOFoundationCompat

/// A cache-friendly read: one body (JSON unless said otherwise) with its entity tag and language.
///
/// Answers `304 Not Modified` when `If-None-Match` names the tag, so revalidation costs no body.
/// When a gzip encoding was made ahead and the client accepts gzip, that is sent instead, under
/// its own entity tag (a strong tag names one exact sequence of bytes). A large body may be kept
/// only gzip-encoded: it is inflated for a client that does not accept gzip.
struct CacheableResponse: ResponseGenerator {
    /// How long shared and private caches may reuse a read before revalidating.
    static let reuseBriefly = "public, max-age=60"
    /// For reads under a revision's own URL (`/v1/revisions/{n}/…`): a published revision never changes.
    static let immutable = "public, max-age=31536000, immutable"
    /// For the sync endpoints: caches must revalidate (cheaply, with the ETag) before every reuse,
    /// so that a client never syncs from a stale copy after a publish.
    static let revalidateEveryTime = "no-cache"

    /// The body; `nil` for a body kept only as ``gzipBody``.
    var body: Data?
    var entityTag: String
    /// The body's language; `nil` for a body that does not depend on `Accept-Language`.
    var contentLanguage: String?
    var cacheControl: String = reuseBriefly
    /// The body's gzip encoding, when one was made ahead.
    var gzipBody: Data? = nil
    var contentType = "application/json; charset=utf-8"
    /// Further headers of the representation, such as a page's `Content-Security-Policy`.
    var headers: HTTPFields = [:]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try answer(to: request).response
    }

    /// The response to `request` and the body it carries, for writers that send the bytes themselves.
    ///
    /// Both the router and ``EventLoopReadHandler`` answer through here, so their headers cannot drift.
    ///
    /// - Throws: `CompressNIOError` when a body kept only gzip-encoded cannot be inflated (out of memory).
    func answer(to request: Request) throws -> (response: Response, body: ByteBuffer?) {
        let compressed = gzipBody.flatMap { $0.isEmpty ? nil : $0 }.flatMap { CompressedBody.acceptsGzip(request.headers[.acceptEncoding]) ? $0 : nil }
        let tag = compressed == nil ? entityTag : String(entityTag.dropLast()) + "-gzip\""
        var headers = self.headers
        headers[.eTag] = tag
        headers[.cacheControl] = cacheControl
        if let contentLanguage {
            headers[values: .vary].append("Accept-Language")
            headers[.contentLanguage] = contentLanguage
        }
        if gzipBody != nil { headers[values: .vary].append("Accept-Encoding") }
        if EntityTagList(request.headers[.ifNoneMatch]).contains(tag) {
            return (Response(status: .notModified, headers: headers), nil)
        }
        headers[.contentType] = contentType
        if compressed != nil { headers[.contentEncoding] = "gzip" }
        let body: ByteBuffer
        if let bytes = compressed ?? self.body {
            body = ByteBuffer(data: bytes)
        } else {
            body = try GzipStream.inflate(gzipBody ?? Data())
        }
        return (Response(status: .ok, headers: headers, body: .init(byteBuffer: body)), body)
    }
}
