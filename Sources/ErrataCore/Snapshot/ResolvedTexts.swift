/// The texts of one entry in one locale after fallback, and its description when no parameters are given.
///
/// Resolved once per (entry, locale) when a ``CatalogSnapshot`` first reads the locale, and again only
/// for the entries a change touches, so that describing without parameters copies a ready answer.
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
    /// The developer hint, when the entry has one.
    var developerHint: Text?
    /// The description with the entry's default parameters; `revision` is the snapshot's to fill in.
    var description: ErrorDescription

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
        let developerHint = Self.source(of: entry, .developerHint, along: chain, in: catalog)
        let fellBack = message.fellBack || remediation.fellBack || Self.fellBack(developerHint, .developerHint)
        self.message = message.text
        self.remediation = remediation.text
        self.developerHint = developerHint.map { Text($0, along: chain) }
        self.description = Self.describeWithDefaults(
            entry, message: message.text, remediation: remediation.text, developerHint: self.developerHint,
            retryPolicy: catalog.retryPolicies.policy(for: entry), locale: locale, fallback: fellBack
        )
    }

    /// Texts for an entry the snapshot cannot resolve: its code, marked as a fallback.
    init(unresolved entry: CatalogEntry) {
        let code = Text(pattern: MessagePattern(entry.code.rawValue), locale: .english)
        self.message = code
        self.remediation = code
        self.developerHint = nil
        self.description = Self.describeWithDefaults(
            entry, message: code, remediation: code, developerHint: nil,
            retryPolicy: RetryPolicies().policy(for: entry), locale: .english, fallback: true
        )
    }

    /// Whether a text of `entry` in `locale` falls back to another locale's, or awaits review: what
    /// makes a locale incomplete. Answered from the catalog alone, without resolving the texts.
    static func isIncomplete(_ entry: CatalogEntry, locale: LanguageTag, chain: [LanguageTag], in catalog: LayeredCatalog) -> Bool {
        TextField.allCases.contains { field in
            fellBack(source(of: entry, field, along: chain, in: catalog), field)
                || catalog.needsReview.contains(TextKey(entry: entry.key, locale: locale, field: field))
        }
    }

    private static func resolve(
        _ entry: CatalogEntry, _ field: TextField, along chain: [LanguageTag], in catalog: LayeredCatalog
    ) -> (text: Text, fellBack: Bool) {
        let source = source(of: entry, field, along: chain, in: catalog)
        guard let source else {
            // The storage service's own message and the code are English.
            let lastResort = field == .message ? entry.serviceMessage : entry.code.rawValue
            return (Text(pattern: MessagePattern(lastResort.isEmpty ? entry.code.rawValue : lastResort), locale: .english), true)
        }
        return (Text(source, along: chain), fellBack(source, field))
    }

    /// The first text of `field` along `chain` and its position there; `nil` when no locale of the
    /// chain has one, as for an optional text the entry lacks.
    private static func source(
        of entry: CatalogEntry, _ field: TextField, along chain: [LanguageTag], in catalog: LayeredCatalog
    ) -> (text: String, position: Int)? {
        for (position, locale) in chain.enumerated() {
            if let text = catalog[TextKey(entry: entry.key, locale: locale, field: field)], !text.isEmpty {
                return (text, position)
            }
        }
        return nil
    }

    /// Whether a text found at `source` is not the locale's own: found further down its chain, or
    /// missing where the field is required (and so replaced by a last resort).
    private static func fellBack(_ source: (text: String, position: Int)?, _ field: TextField) -> Bool {
        guard let source else { return field.isRequired }
        return source.position > 0
    }

    // MARK: - Describing

    /// The description with the entry's default parameters; a default that a number argument cannot take
    /// (validation refuses one in the source text) leaves that argument as written rather than failing.
    private static func describeWithDefaults(
        _ entry: CatalogEntry, message: Text, remediation: Text, developerHint: Text?,
        retryPolicy: RetryPolicy?, locale: LanguageTag, fallback: Bool
    ) -> ErrorDescription {
        describe(
            entry, message: message, remediation: remediation, developerHint: developerHint,
            retryPolicy: retryPolicy, locale: locale, fallback: fallback, revision: 0
        ) { text in
            text.pattern.renderedLeniently(with: entry.parameters, locale: text.locale)
        }
    }

    /// The description of `entry` with its texts rendered with `values`; `locale` is the one served.
    ///
    /// - Throws: ``MessageValueError`` when a number or plural argument's value is not a plain decimal.
    func describe(
        _ entry: CatalogEntry, values: [String: String], locale: LanguageTag, fallback: Bool, revision: Int
    ) throws(MessageValueError) -> ErrorDescription {
        try Self.describe(
            entry, message: message, remediation: remediation, developerHint: developerHint,
            retryPolicy: description.retryPolicy, locale: locale, fallback: fallback, revision: revision
        ) { text throws(MessageValueError) in
            try text.rendered(with: values)
        }
    }

    private static func describe<Failure: Error>(
        _ entry: CatalogEntry, message: Text, remediation: Text, developerHint: Text?,
        retryPolicy: RetryPolicy?, locale: LanguageTag, fallback: Bool, revision: Int,
        rendering render: (Text) throws(Failure) -> String
    ) throws(Failure) -> ErrorDescription {
        // A placeholder-only text rendered with an empty value must not become an empty answer.
        let renderedMessage = nonEmpty(try render(message), or: entry.serviceMessage)
        let renderedRemediation = nonEmpty(try render(remediation), or: entry.code.rawValue)
        var renderedHint: String?
        if let developerHint {
            let hint = try render(developerHint)
            renderedHint = hint.allSatisfy(\.isWhitespace) ? nil : hint
        }
        return ErrorDescription(
            code: entry.code,
            variant: entry.variant,
            httpStatus: entry.httpStatus,
            category: entry.category,
            retry: entry.retry,
            fault: entry.fault,
            origin: entry.origin,
            serviceMessage: entry.serviceMessage,
            locale: locale,
            fallback: fallback,
            message: renderedMessage,
            remediation: renderedRemediation,
            developerHint: renderedHint,
            retryPolicy: retryPolicy,
            revision: revision
        )
    }

    private static func nonEmpty(_ text: String, or fallback: String) -> String {
        text.allSatisfy(\.isWhitespace) ? (fallback.isEmpty ? "-" : fallback) : text
    }
}

extension ResolvedTexts.Text {
    /// The text found at `source.position` of `chain`, parsed, in the locale it was written in.
    init(_ source: (text: String, position: Int), along chain: [LanguageTag]) {
        self.init(pattern: MessagePattern(source.text), locale: chain[source.position])
    }
}
