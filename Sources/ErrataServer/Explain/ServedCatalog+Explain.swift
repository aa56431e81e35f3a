package import ErrataCore
package import Foundation

extension ServedCatalog {
    /// The catalog code whose variants describe, per HTTP status class, an error the catalog does
    /// not know; its texts are catalog data, localized and edited like every other.
    static let unrecognizedErrorCode = ErrorCode("UnrecognizedError")

    /// Explains a storage response, in the `locale` input's locale, else one negotiated from
    /// `Accept-Language`: what `errors.explain` and `POST /v1/explain` both answer.
    ///
    /// - Returns: The result body and the locale served.
    package func explain(_ input: ExplainInput, acceptLanguage: String?) throws(CatalogLookupError) -> (body: Data, locale: LanguageTag) {
        let negotiation = negotiate(explicit: input.locale, acceptLanguage: acceptLanguage)
        return (try explanationBody(input.response, negotiation: negotiation), negotiation.locale)
    }

    /// The `errors.explain` result: the description of the code the response carried, with the
    /// variant its message picks (as `errors.match` does), the suggestions for an unknown code, and
    /// the response's own fields.
    ///
    /// For a code the catalog does not know (or no code), the description is the `UnrecognizedError`
    /// variant of the response's status class, with the code as sent and `fallback` set.
    ///
    /// - Throws: `CatalogLookupError` only if describing fails, which it does not without parameters.
    func explanationBody(_ response: StorageResponse, negotiation: LocaleNegotiation) throws(CatalogLookupError) -> Data {
        var writer = JSONWriter()
        writer.raw("{")
        writer.member("description", first: true)
        let known: Bool
        var suggestions: [ErrorCode] = []
        if let code = response.code, let entry = try? snapshot.matchEntry(code: code, serviceMessage: response.message) {
            known = true
            writer.raw(try describeBody(entry, negotiation: negotiation))
        } else {
            known = false
            suggestions = response.code.map { snapshot.suggestions(for: $0.rawValue) } ?? []
            try writeGenericDescription(of: response, negotiation: negotiation, to: &writer)
        }
        writer.member("known")
        writer.bool(known)
        writer.member("response")
        Self.write(response, to: &writer)
        writer.member("suggestions")
        writer.raw("[")
        for (index, suggestion) in suggestions.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.string(suggestion.rawValue)
        }
        writer.raw("]}")
        return writer.data
    }

    /// The description of an error the catalog does not know, from its status class; `null` when the
    /// catalog has no `UnrecognizedError` entry for it.
    private func writeGenericDescription(
        of response: StorageResponse, negotiation: LocaleNegotiation, to writer: inout JSONWriter
    ) throws(CatalogLookupError) {
        guard let entry = try? snapshot.entry(code: Self.unrecognizedErrorCode, variant: Self.statusClass(response.httpStatus)) else {
            writer.raw("null")
            return
        }
        // The page linked (`docsUrl`) stays the generic entry's own: the code as sent has none.
        var description = try describe(entry, negotiation: negotiation)
        description.code = response.code ?? ErrorCode("")
        description.variant = nil
        description.fallback = true
        description.httpStatus = response.httpStatus ?? description.httpStatus
        description.serviceMessage = response.message ?? description.serviceMessage
        description.write(to: &writer)
    }

    /// `server` for a 5xx status, and for a 2xx, which carries an error body only when the service failed
    /// after answering (as S3 does for a copy or a multipart completion); `client` otherwise.
    private static func statusClass(_ status: Int?) -> VariantName {
        switch status {
        case .some(500...599), .some(200...299): VariantName("server")
        default: VariantName("client")
        }
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
