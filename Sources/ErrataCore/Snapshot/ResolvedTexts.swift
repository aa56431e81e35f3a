/// The texts of one entry in one locale after fallback, and its description when no parameters are given.
///
/// Resolved once per (entry, locale) when a ``CatalogSnapshot`` is built, and again only for the
/// entries a change touches, so that describing without parameters copies a ready answer.
struct ResolvedTexts: Sendable {
    var message: TextTemplate
    var remediation: TextTemplate
    /// The description with the entry's default parameters; `revision` is the snapshot's to fill in.
    var description: ErrorDescription
    /// Whether a text fell back to another locale or awaits review, which makes the locale incomplete.
    var incomplete: Bool

    /// Resolves `entry` in `locale` along its fallback chain.
    ///
    /// - Parameters:
    ///   - entry: The entry to resolve.
    ///   - locale: The catalog locale.
    ///   - chain: The locale's fallback chain (`LocaleNegotiator.fallbackChain(for:)`), starting with `locale`.
    ///   - catalog: The texts and review flags to resolve from.
    init(_ entry: CatalogEntry, locale: LanguageTag, chain: [LanguageTag], in catalog: LayeredCatalog) {
        let message = Self.resolve(entry, .message, along: chain, in: catalog)
        let remediation = Self.resolve(entry, .remediation, along: chain, in: catalog)
        let fellBack = message.fellBack || remediation.fellBack
        self.message = message.template
        self.remediation = remediation.template
        self.description = Self.describe(
            entry, message: message.template, remediation: remediation.template, values: entry.parameters,
            locale: locale, fallback: fellBack, revision: 0
        )
        self.incomplete = fellBack || TextField.allCases.contains {
            catalog.needsReview.contains(TextKey(entry: entry.key, locale: locale, field: $0))
        }
    }

    /// Texts for an entry the snapshot cannot resolve: its code, marked as a fallback.
    init(unresolved entry: CatalogEntry) {
        let code = TextTemplate(entry.code.rawValue)
        self.message = code
        self.remediation = code
        self.description = Self.describe(
            entry, message: code, remediation: code, values: entry.parameters,
            locale: .english, fallback: true, revision: 0
        )
        self.incomplete = true
    }

    private static func resolve(
        _ entry: CatalogEntry, _ field: TextField, along chain: [LanguageTag], in catalog: LayeredCatalog
    ) -> (template: TextTemplate, fellBack: Bool) {
        for (index, locale) in chain.enumerated() {
            if let text = catalog[TextKey(entry: entry.key, locale: locale, field: field)], !text.isEmpty {
                return (TextTemplate(text), index > 0)
            }
        }
        let lastResort = field == .message ? entry.serviceMessage : entry.code.rawValue
        return (TextTemplate(lastResort.isEmpty ? entry.code.rawValue : lastResort), true)
    }

    // MARK: - Describing

    /// The description of `entry` with `message` and `remediation` rendered with `values`.
    static func describe(
        _ entry: CatalogEntry, message: TextTemplate, remediation: TextTemplate, values: [String: String],
        locale: LanguageTag, fallback: Bool, revision: Int
    ) -> ErrorDescription {
        ErrorDescription(
            code: entry.code,
            variant: entry.variant,
            httpStatus: entry.httpStatus,
            category: entry.category,
            retry: entry.retry,
            fault: entry.fault,
            serviceMessage: entry.serviceMessage,
            locale: locale,
            fallback: fallback,
            // A placeholder-only text rendered with an empty value must not become an empty answer.
            message: nonEmpty(message.rendered(with: values), or: entry.serviceMessage),
            remediation: nonEmpty(remediation.rendered(with: values), or: entry.code.rawValue),
            revision: revision
        )
    }

    private static func nonEmpty(_ text: String, or fallback: String) -> String {
        text.allSatisfy(\.isWhitespace) ? (fallback.isEmpty ? "-" : fallback) : text
    }
}
