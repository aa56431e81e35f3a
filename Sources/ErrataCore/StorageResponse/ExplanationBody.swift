package import Foundation

/// The JSON of an explained storage response: the result of `errors.explain` and `POST /v1/explain`,
/// and what `errata parse --json` prints, written in one place so they cannot differ.
///
/// Members, in canonical (sorted) order: `description` (an `errors.describe` result, `null` only when the
/// code is unknown and the catalog has no generic entry for its status), `known`, `response` (the fields
/// the response carried) and `suggestions` (for an unknown code, the closest known codes and aliases).
package enum ExplanationBody {
    /// The body, around a description already encoded as canonical JSON.
    ///
    /// - Parameters:
    ///   - description: The encoded description of the entry that explains the response; `nil` for none.
    ///   - known: Whether the response's code is the catalog's (or an alias of one).
    ///   - response: What the response carried.
    ///   - suggestions: Codes close to an unknown one, closest first.
    package static func encode(description: Data?, known: Bool, response: StorageResponse, suggestions: [ErrorCode]) -> Data {
        var writer = JSONWriter(capacity: 512 + (description?.count ?? 0))
        writer.raw("{")
        writer.member("description", first: true)
        if let description { writer.raw(description) } else { writer.raw("null") }
        writer.member("known")
        writer.bool(known)
        writer.member("response")
        write(response, to: &writer)
        writer.member("suggestions")
        writer.raw("[")
        for (index, suggestion) in suggestions.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.string(suggestion.rawValue)
        }
        writer.raw("]}")
        return writer.data
    }

    /// The response's fields, members in sorted order, those it did not carry left out.
    private static func write(_ response: StorageResponse, to writer: inout JSONWriter) {
        var first = true
        func optional(_ name: StaticString, _ value: String?, to writer: inout JSONWriter) {
            guard let value else { return }
            writer.member(name, first: first)
            writer.string(value)
            first = false
        }
        writer.raw("{")
        optional("bucket", response.bucket, to: &writer)
        optional("code", response.code?.rawValue, to: &writer)
        writer.member("format", first: first)
        writer.string(response.format.rawValue)
        first = false
        optional("hostId", response.hostID, to: &writer)
        if let status = response.httpStatus {
            writer.member("httpStatus")
            writer.integer(status)
        }
        optional("key", response.key, to: &writer)
        optional("message", response.message, to: &writer)
        optional("requestId", response.requestID, to: &writer)
        optional("resource", response.resource, to: &writer)
        writer.raw("}")
    }
}
