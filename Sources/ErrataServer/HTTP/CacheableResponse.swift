public import Foundation
public import Hummingbird
import NIOFoundationCompat

/// A cache-friendly JSON read: one body with its entity tag and language.
///
/// Answers `304 Not Modified` when `If-None-Match` names the tag, so revalidation costs no body.
struct CacheableResponse: ResponseGenerator {
    /// How long shared and private caches may reuse a read before revalidating.
    static let reuseBriefly = "public, max-age=60"
    /// For the sync endpoints: caches must revalidate (cheaply, with the ETag) before every reuse,
    /// so that a client never syncs from a stale copy after a publish.
    static let revalidateEveryTime = "no-cache"

    var body: Data
    var entityTag: String
    /// The body's language; `nil` for a body that does not depend on `Accept-Language`.
    var contentLanguage: String?
    var cacheControl: String = reuseBriefly

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.eTag: entityTag, .cacheControl: cacheControl]
        if let contentLanguage {
            headers[.contentLanguage] = contentLanguage
            headers[.vary] = "Accept-Language"
        }
        if EntityTagList(request.headers[.ifNoneMatch]).contains(entityTag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: body)))
    }
}
