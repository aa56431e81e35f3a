package import ErrataCore
import ErrataWeb
import Foundation
package import Hummingbird
import NIOFoundationCompat

/// An RFC 9457 problem details response (`application/problem+json`).
///
/// Every REST error Errata answers is a `Problem`, with a stable `reason` extension member
/// that matches the JSON-RPC `error.data.reason` for the same failure.
///
/// For example:
///
/// Its `type` names the page that explains it, `/docs/problems/unknown-code` (absolute under
/// `--public-url`). For example:
///
/// ```json
/// {"type": "/docs/problems/unknown-code", "title": "Unknown error code", "status": 404,
///  "detail": "unknown error code 'NoSuchThing'", "reason": "UnknownCode"}
/// ```
package struct Problem: Error, HTTPResponseError, Sendable {
    package var status: HTTPResponse.Status
    /// The kind of problem, such as `unknown-code`: the last segment of its `type`, `/docs/problems/<kind>`.
    package var kind: String
    package var title: String
    package var detail: String?
    /// The stable machine-readable reason, such as `UnknownCode`.
    package var reason: String
    /// Further members, such as `suggestions`.
    package var extensions: [String: JSONValue]
    package var headers: HTTPFields

    package init(
        status: HTTPResponse.Status, kind: String, title: String, detail: String? = nil, reason: String,
        extensions: [String: JSONValue] = [:], headers: HTTPFields = [:]
    ) {
        self.status = status
        self.kind = kind
        self.title = title
        self.detail = detail
        self.reason = reason
        self.extensions = extensions
        self.headers = headers
    }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        response(links: DocsLinks())
    }

    /// The response, with a `type` made by `links`.
    func response(links: DocsLinks) -> Response {
        var members = extensions
        members["type"] = .string(links.problemType(kind))
        members["title"] = .string(title)
        members["status"] = .integer(Int64(status.code))
        members["reason"] = .string(reason)
        if let detail { members["detail"] = .string(detail) }
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        headers[.cacheControl] = "no-store"
        let body = CanonicalJSON.encode(JSONValue.object(JSONObject(members)))
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: body)))
    }
}


// MARK: - Common problems

extension Problem {
    /// 400: a query parameter or header value is malformed.
    static func badRequest(_ detail: String, parameter: String? = nil) -> Problem {
        Problem(
            status: .badRequest, kind: "invalid-parameter", title: "Invalid parameter", detail: detail,
            reason: "InvalidParameter", extensions: parameter.map { ["parameter": .string($0)] } ?? [:]
        )
    }
}
