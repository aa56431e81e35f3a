/// The texts of one entry in one locale after fallback, and its description when no parameters are given.
///
/// Resolved once per (entry, locale) when a ``CatalogSnapshot`` is built, and again only for the
/// entries a change touches, so that describing without parameters copies a ready answer.
struct ResolvedTexts: Sendable {
    /// A text parsed as a message pattern, and the locale it was written in, whose plural rules it follows.
    struct Text: Sendable {
        var pattern: MessagePattern
        var locale: LanguageTag

        func rendered(with values: [String: String]) throws(MessageValueError) -> String {
            try pattern.rendered(with: values, locale: locale)
        }
    }

    var message: Text
    var remediation: Text
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
        self.message = message.text
        self.remediation = remediation.text
        self.description = Self.describeWithDefaults(entry, message: message.text, remediation: remediation.text, locale: locale, fallback: fellBack)
        self.incomplete = fellBack || TextField.allCases.contains {
            catalog.needsReview.contains(TextKey(entry: entry.key, locale: locale, field: $0))
        }
    }

    /// Texts for an entry the snapshot cannot resolve: its code, marked as a fallback.
    init(unresolved entry: CatalogEntry) {
        let code = Text(pattern: MessagePattern(entry.code.rawValue), locale: .english)
        self.message = code
        self.remediation = code
        self.description = Self.describeWithDefaults(entry, message: code, remediation: code, locale: .english, fallback: true)
        self.incomplete = true
    }

    private static func resolve(
        _ entry: CatalogEntry, _ field: TextField, along chain: [LanguageTag], in catalog: LayeredCatalog
    ) -> (text: Text, fellBack: Bool) {
        for (index, locale) in chain.enumerated() {
            if let text = catalog[TextKey(entry: entry.key, locale: locale, field: field)], !text.isEmpty {
                return (Text(pattern: MessagePattern(text), locale: locale), index > 0)
            }
        }
        // The storage service's own message and the code are English.
        let lastResort = field == .message ? entry.serviceMessage : entry.code.rawValue
        return (Text(pattern: MessagePattern(lastResort.isEmpty ? entry.code.rawValue : lastResort), locale: .english), true)
    }

    // MARK: - Describing

    /// The description with the entry's default parameters; a default that a number argument cannot take
    /// (validation refuses one in the source text) leaves that argument as written rather than failing.
    private static func describeWithDefaults(
        _ entry: CatalogEntry, message: Text, remediation: Text, locale: LanguageTag, fallback: Bool
    ) -> ErrorDescription {
        describe(entry, locale: locale, fallback: fallback, revision: 0) { field in
            let text = field == .message ? message : remediation
            return text.pattern.renderedLeniently(with: entry.parameters, locale: text.locale)
        }
    }

    /// The description of `entry` with its texts rendered with `values`; `locale` is the one served.
    ///
    /// - Throws: ``MessageValueError`` when a number or plural argument's value is not a plain decimal.
    func describe(
        _ entry: CatalogEntry, values: [String: String], locale: LanguageTag, fallback: Bool, revision: Int
    ) throws(MessageValueError) -> ErrorDescription {
        try Self.describe(entry, locale: locale, fallback: fallback, revision: revision) { field throws(MessageValueError) in
            try (field == .message ? message : remediation).rendered(with: values)
        }
    }

    private static func describe<Failure: Error>(
        _ entry: CatalogEntry, locale: LanguageTag, fallback: Bool, revision: Int,
        rendering render: (TextField) throws(Failure) -> String
    ) throws(Failure) -> ErrorDescription {
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
            message: nonEmpty(try render(.message), or: entry.serviceMessage),
            remediation: nonEmpty(try render(.remediation), or: entry.code.rawValue),
            revision: revision
        )
    }

    private static func nonEmpty(_ text: String, or fallback: String) -> String {
        text.allSatisfy(\.isWhitespace) ? (fallback.isEmpty ? "-" : fallback) : text
    }
}
