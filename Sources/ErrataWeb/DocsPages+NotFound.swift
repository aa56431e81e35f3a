package import ErrataCore

extension DocsPages {
    /// What a page address named that does not exist.
    package enum Missing: Sendable {
        /// An error code the catalog lacks, with the closest known codes.
        case code(ErrorCode, suggestions: [ErrorCode])
        /// A variant the code lacks; the code's variants are the suggestions.
        case variant(ErrorCode, VariantName, available: [VariantName?])
        /// A problem slug Errata never answers.
        case problem(String)
    }

    /// The 404 page for a browser: what is missing, in words, and where to go instead.
    package func notFoundPage(_ missing: Missing, snapshot: CatalogSnapshot, locale: LanguageTag) throws(WebResourceError) -> String {
        let strings = strings(for: locale)
        let explanation: String
        let suggestions: [NotFoundView.Suggestion]
        switch missing {
        case .code(let code, let known):
            explanation = strings.format("notFound.unknownCode", ["code": code.rawValue])
            suggestions = known.map { NotFoundView.Suggestion(code: $0.rawValue, href: links.errorPage(code: $0, variant: nil, locale: locale)) }
        case .variant(let code, let variant, let available):
            explanation = strings.format("notFound.unknownVariant", ["code": code.rawValue, "variant": variant.rawValue])
            suggestions = available.map { variant in
                NotFoundView.Suggestion(
                    code: code.rawValue + (variant.map { " \($0.rawValue)" } ?? ""),
                    href: links.errorPage(code: code, variant: variant, locale: locale)
                )
            }
        case .problem(let slug):
            explanation = strings.format("notFound.unknownProblem", ["problem": slug])
            suggestions = []
        }
        let view = NotFoundView(
            title: strings["notFound.title"], explanation: explanation, suggestionsHeading: strings["notFound.suggestions"],
            hasSuggestions: !suggestions.isEmpty, suggestions: suggestions, none: strings["notFound.none"]
        )
        let shell = try shell(title: view.title, locale: locale, snapshot: snapshot, indexable: false) { links.index(locale: $0) }
        return try render("not-found", shell: shell, page: view)
    }
}

/// What the `not-found` template shows.
struct NotFoundView {
    struct Suggestion {
        var code: String
        var href: String
    }

    var title, explanation, suggestionsHeading: String
    var hasSuggestions: Bool
    var suggestions: [Suggestion]
    var none: String
}
