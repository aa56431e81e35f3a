package import ErrataCore
package import Foundation

extension ServedCatalog {
    /// Explains a storage response, in the `locale` input's locale, else one negotiated from
    /// `Accept-Language`: what `errors.explain` and `POST /v1/explain` both answer.
    ///
    /// - Returns: The result body and the locale served.
    package func explain(_ input: ExplainInput, acceptLanguage: String?) throws(CatalogLookupError) -> (body: Data, locale: LanguageTag) {
        let negotiation = negotiate(explicit: input.locale, acceptLanguage: acceptLanguage)
        return (try explanationBody(input.response, negotiation: negotiation), negotiation.locale)
    }

    /// The `errors.explain` result (see `ExplanationBody`): the description of the entry that explains the
    /// response — the one its code or an alias names, with the variant its message picks as `errors.match`
    /// does, else the generic entry for its status class, naming the code as sent in `requestedCode` —
    /// whether the code is known, the suggestions for an unknown code, and the response's own fields.
    ///
    /// - Throws: `CatalogLookupError` only if describing fails, which it does not without parameters.
    func explanationBody(_ response: StorageResponse, negotiation: LocaleNegotiation) throws(CatalogLookupError) -> Data {
        let explaining = snapshot.explainingEntry(code: response.code, serviceMessage: response.message, httpStatus: response.httpStatus)
        let sent = response.code.flatMap { $0.rawValue.isEmpty ? nil : $0 }
        let description = try explaining.entry.map { (entry) throws(CatalogLookupError) in
            try describeBody(entry, negotiation: negotiation, requestedCode: sent)
        }
        return ExplanationBody.encode(
            description: description, known: explaining.known, response: response, suggestions: explaining.suggestions
        )
    }
}
