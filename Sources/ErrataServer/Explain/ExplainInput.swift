package import ErrataCore
import Foundation

/// The input of `errors.explain` and `POST /v1/explain`: a raw storage response and the locale
/// to explain it in, read the same way from JSON-RPC params and from a REST body.
package struct ExplainInput: Sendable {
    /// The members, in the order JSON-RPC takes them by position.
    package static let names = ["body", "httpStatus", "headers", "locale"]
    /// The most headers read; a storage response carries a dozen or two.
    static let maximumHeaderCount = 64

    /// The response, as read by ErrataCore's one reader of storage responses.
    package var response: StorageResponse
    /// The explicit locale, if any.
    package var locale: String?

    /// Reads the members, then the storage response they carry.
    ///
    /// - Throws: ``InvalidInput`` naming a member of the wrong type, or when neither `body` nor
    ///   `headers` is given; `StorageResponseError` for a response that cannot be read.
    package init(_ input: InputMembers) throws {
        // The body is bounded by the request's own size limit here, and by the reader's after.
        let body = try input.string("body", maximumLength: .max)
        let httpStatus = try input.integer("httpStatus", in: 100...599)
        let headers = try input.stringMap("headers", maximumCount: Self.maximumHeaderCount)
        locale = try input.string("locale", maximumLength: LanguageTag.maximumLength)
        guard body != nil || !headers.isEmpty else {
            throw InvalidInput("give the storage response's body, its headers, or both", field: "body")
        }
        response = try StorageResponse(body: body.map { Data($0.utf8) }, headers: headers, httpStatus: httpStatus)
    }
}
