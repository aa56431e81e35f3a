/// The texts of one entry in one locale after fallback, and its description when no parameters are given.
///
/// Resolved once per (entry, locale) when a ``CatalogSnapshot`` is built, and again only for the
/// entries a change touches, so that describing without parameters copies a ready answer.
struct ResolvedTexts: Sendable {
    var message: TextTemplate
    var remediation: TextTemplate
    /// The developer hint, when the entry has one.
    var developerHint: TextTemplate?
    /// The description with the entry's default parameters; `revision` is the snapshot's to fill in.
    var description: ErrorDescription
    /// Whether a text fell back to another locale or awaits review, which makes the locale incomplete.
    var incomplete: Bool

    /// Resolves `entry` in `locale` along its fallback chain.
    ///
    /// - Parameters:
    ///   - entry: The entry to resolve.
    ///   - locale: The catalog locale.
    ///   - chain: The locale's RFC 4647 fallback chain, starting with `locale`.
    ///   - catalog: The texts and review flags to resolve from.
    init(_ entry: CatalogEntry, locale: LanguageTag, chain: [LanguageTag], in catalog: LayeredCatalog) {
        let message = Self.resolve(entry, .message, along: chain, in: catalog)
        let remediation = Self.resolve(entry, .remediation, along: chain, in: catalog)
        let developerHint = Self.resolveOptional(entry, .developerHint, along: chain, in: catalog)
        let fellBack = message.fellBack || remediation.fellBack || developerHint?.fellBack == true
        self.message = message.template
        self.remediation = remediation.template
        self.developerHint = developerHint?.template
        self.description = Self.describe(
            entry, texts: (message.template, remediation.template, developerHint?.template), values: entry.parameters,
            retryPolicy: catalog.retryPolicies.policy(for: entry), locale: locale, fallback: fellBack, revision: 0
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
        self.developerHint = nil
        self.description = Self.describe(
            entry, texts: (code, code, nil), values: entry.parameters,
            retryPolicy: RetryPolicies().policy(for: entry), locale: .english, fallback: true, revision: 0
        )
        self.incomplete = true
    }

    private static func resolve(
        _ entry: CatalogEntry, _ field: TextField, along chain: [LanguageTag], in catalog: LayeredCatalog
    ) -> (template: TextTemplate, fellBack: Bool) {
        if let found = resolveOptional(entry, field, along: chain, in: catalog) { return found }
        let lastResort = field == .message ? entry.serviceMessage : entry.code.rawValue
        return (TextTemplate(lastResort.isEmpty ? entry.code.rawValue : lastResort), true)
    }

    /// The first text of `field` along `chain`, and whether it is not the locale's own; `nil` when no
    /// locale of the chain has one, as for an optional text the entry lacks.
    private static func resolveOptional(
        _ entry: CatalogEntry, _ field: TextField, along chain: [LanguageTag], in catalog: LayeredCatalog
    ) -> (template: TextTemplate, fellBack: Bool)? {
        for (index, locale) in chain.enumerated() {
            if let text = catalog[TextKey(entry: entry.key, locale: locale, field: field)], !text.isEmpty {
                return (TextTemplate(text), index > 0)
            }
        }
        return nil
    }

    // MARK: - Describing

    /// The description of `entry` with its texts rendered with `values`.
    static func describe(
        _ entry: CatalogEntry, texts: (message: TextTemplate, remediation: TextTemplate, developerHint: TextTemplate?),
        values: [String: String], retryPolicy: RetryPolicy?, locale: LanguageTag, fallback: Bool, revision: Int
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
            message: nonEmpty(texts.message.rendered(with: values), or: entry.serviceMessage),
            remediation: nonEmpty(texts.remediation.rendered(with: values), or: entry.code.rawValue),
            developerHint: texts.developerHint.map { $0.rendered(with: values) }.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 },
            retryPolicy: retryPolicy,
            revision: revision
        )
    }

    private static func nonEmpty(_ text: String, or fallback: String) -> String {
        text.allSatisfy(\.isWhitespace) ? (fallback.isEmpty ? "-" : fallback) : text
    }
}
