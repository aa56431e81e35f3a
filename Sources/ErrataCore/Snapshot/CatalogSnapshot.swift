/// An immutable, lookup-ready view of one published catalog revision.
///
/// Built once per revision; every lookup afterwards is an in-memory read with no I/O.
/// Texts are resolved at build time: a text missing in a locale falls back along the locale's
/// RFC 4647 chain to the source locale, and finally to the service's own message, so a lookup
/// never yields an empty string.
///
/// For example:
///
/// ```swift
/// let snapshot = CatalogSnapshot(catalog: catalog, revision: 1)
/// let entry = try snapshot.entry(code: ErrorCode("NoSuchKey"), variant: nil)
/// let negotiation = snapshot.negotiator.negotiate(explicit: "zh-TW", acceptLanguage: nil)
/// print(snapshot.describe(entry, negotiation: negotiation).message)
/// ```
public final class CatalogSnapshot: Sendable {
    /// The published revision this snapshot shows.
    public let revision: Int
    /// The catalog data the snapshot was built from.
    public let catalog: Catalog
    public let negotiator: LocaleNegotiator
    /// Locales in catalog order, with whether each is completely translated.
    public let locales: [LocaleStatus]

    private let entriesByCode: [ErrorCode: [CatalogEntry]]
    private let resolved: [LanguageTag: [EntryKey: ResolvedTexts]]
    private let suggester: CodeSuggester

    /// The texts of one entry in one locale after fallback.
    struct ResolvedTexts: Sendable {
        var message: TextTemplate
        var remediation: TextTemplate
        var renderedMessage: String
        var renderedRemediation: String
        var fellBack: Bool
    }

    public init(catalog: Catalog, revision: Int) {
        self.revision = revision
        self.catalog = catalog
        let localeTags = catalog.locales.map(\.tag)
        let negotiator = LocaleNegotiator(available: localeTags, defaultLocale: catalog.sourceLocale)
        self.negotiator = negotiator
        var entriesByCode: [ErrorCode: [CatalogEntry]] = [:]
        for entry in catalog.entries where !(entriesByCode[entry.code]?.contains { $0.key == entry.key } ?? false) {
            entriesByCode[entry.code, default: []].append(entry)
        }
        self.entriesByCode = entriesByCode
        self.suggester = CodeSuggester(codes: catalog.entries.map(\.code).uniqued())

        var resolved: [LanguageTag: [EntryKey: ResolvedTexts]] = [:]
        var locales: [LocaleStatus] = []
        for locale in catalog.locales {
            let chain = negotiator.fallbackChain(for: locale.tag)
            var texts: [EntryKey: ResolvedTexts] = [:]
            texts.reserveCapacity(catalog.entries.count)
            var complete = true
            for entry in catalog.entries {
                let message = Self.resolve(entry, .message, along: chain, in: catalog)
                let remediation = Self.resolve(entry, .remediation, along: chain, in: catalog)
                let fellBack = message.fellBack || remediation.fellBack
                if fellBack || TextField.allCases.contains(where: {
                    catalog.needsReview.contains(TextKey(entry: entry.key, locale: locale.tag, field: $0))
                }) {
                    complete = false
                }
                texts[entry.key] = ResolvedTexts(
                    message: message.template,
                    remediation: remediation.template,
                    renderedMessage: message.template.rendered(with: entry.parameters),
                    renderedRemediation: remediation.template.rendered(with: entry.parameters),
                    fellBack: fellBack
                )
            }
            resolved[locale.tag] = texts
            locales.append(LocaleStatus(tag: locale.tag, name: locale.name, complete: complete))
        }
        self.resolved = resolved
        self.locales = locales
    }

    private static func resolve(
        _ entry: CatalogEntry, _ field: TextField, along chain: [LanguageTag], in catalog: Catalog
    ) -> (template: TextTemplate, fellBack: Bool) {
        for (index, locale) in chain.enumerated() {
            if let text = catalog[TextKey(entry: entry.key, locale: locale, field: field)], !text.isEmpty {
                return (TextTemplate(text), index > 0)
            }
        }
        let lastResort = field == .message ? entry.serviceMessage : entry.code.rawValue
        return (TextTemplate(lastResort.isEmpty ? entry.code.rawValue : lastResort), true)
    }

    // MARK: - Finding entries

    /// Entries in catalog order.
    public var entries: [CatalogEntry] { catalog.entries }

    /// The entry for a code and variant.
    ///
    /// - Parameters:
    ///   - code: The error code, matched exactly.
    ///   - variant: The variant; `nil` chooses the code's first variant in catalog order.
    /// - Throws: ``CatalogLookupError`` for an unknown code or variant.
    public func entry(code: ErrorCode, variant: VariantName?) throws(CatalogLookupError) -> CatalogEntry {
        guard let candidates = entriesByCode[code] else {
            throw .unknownCode(code, suggestions: suggestions(for: code.rawValue))
        }
        guard let variant else { return candidates[0] }
        guard let match = candidates.first(where: { $0.variant == variant }) else {
            throw .unknownVariant(code, variant, available: candidates.compactMap(\.variant))
        }
        return match
    }

    /// The entry whose service message matches what a storage response carried.
    ///
    /// Messages compare ignoring case, surrounding whitespace, runs of spaces and a final period;
    /// when none matches (or no message is given), the code's first variant is chosen.
    /// - Throws: ``CatalogLookupError/unknownCode(_:suggestions:)`` for an unknown code.
    public func matchEntry(code: ErrorCode, serviceMessage: String?) throws(CatalogLookupError) -> CatalogEntry {
        let candidates = try entry(code: code, variant: nil)
        guard let serviceMessage, let all = entriesByCode[candidates.code], all.count > 1 else { return candidates }
        let wanted = Self.normalizedMessage(serviceMessage)
        return all.first { Self.normalizedMessage($0.serviceMessage) == wanted } ?? candidates
    }

    /// Known codes close to `input`, closest first, for "did you mean" hints.
    public func suggestions(for input: String, limit: Int = 3) -> [ErrorCode] {
        suggester.suggestions(for: input, limit: limit)
    }

    private static func normalizedMessage(_ message: String) -> String {
        var words = message.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while words.hasSuffix(".") { words.removeLast() }
        return words
    }

    // MARK: - Describing

    /// Describes an entry in the negotiated locale.
    ///
    /// - Parameters:
    ///   - entry: An entry of this snapshot.
    ///   - negotiation: The locale to serve and whether negotiation already fell back.
    ///   - parameters: Values for the entry's placeholders, overriding its defaults.
    /// - Throws: ``CatalogLookupError/unknownParameter(_:entry:)`` for a parameter the entry does not declare.
    public func describe(
        _ entry: CatalogEntry,
        negotiation: LocaleNegotiation,
        parameters: [String: String] = [:]
    ) throws(CatalogLookupError) -> ErrorDescription {
        if let unknown = parameters.keys.sorted().first(where: { entry.parameters[$0] == nil }) {
            throw .unknownParameter(unknown, entry: entry.key)
        }
        let texts = resolvedTexts(entry.key, locale: negotiation.locale)
        let values = parameters.isEmpty ? nil : entry.parameters.merging(parameters) { _, given in given }
        return ErrorDescription(
            code: entry.code,
            variant: entry.variant,
            httpStatus: entry.httpStatus,
            category: entry.category,
            retry: entry.retry,
            fault: entry.fault,
            serviceMessage: entry.serviceMessage,
            locale: negotiation.locale,
            fallback: negotiation.fallback || texts.fellBack,
            // A placeholder-only text rendered with an empty value must not become an empty answer.
            message: Self.nonEmpty(values.map(texts.message.rendered) ?? texts.renderedMessage, or: entry.serviceMessage),
            remediation: Self.nonEmpty(values.map(texts.remediation.rendered) ?? texts.renderedRemediation, or: entry.code.rawValue),
            revision: revision
        )
    }

    private static func nonEmpty(_ text: String, or fallback: String) -> String {
        text.allSatisfy(\.isWhitespace) ? (fallback.isEmpty ? "-" : fallback) : text
    }

    /// Describes every entry matching a filter, in catalog order.
    ///
    /// - Parameters:
    ///   - negotiation: The locale to serve.
    ///   - category: Only entries of this category, when given.
    ///   - httpStatus: Only entries with this status, when given.
    public func describeAll(
        negotiation: LocaleNegotiation,
        category: ErrorCategory? = nil,
        httpStatus: Int? = nil
    ) -> [ErrorDescription] {
        catalog.entries.compactMap { entry in
            if let category, entry.category != category { return nil }
            if let httpStatus, entry.httpStatus != httpStatus { return nil }
            return try? describe(entry, negotiation: negotiation)
        }
    }

    private func resolvedTexts(_ key: EntryKey, locale: LanguageTag) -> ResolvedTexts {
        if let texts = resolved[locale]?[key] { return texts }
        // A locale outside the catalog: serve the source locale, marked as a fallback.
        var texts = resolved[negotiator.defaultLocale]?[key]
            ?? ResolvedTexts(
                message: TextTemplate(key.code.rawValue), remediation: TextTemplate(key.code.rawValue),
                renderedMessage: key.code.rawValue, renderedRemediation: key.code.rawValue, fellBack: true
            )
        texts.fellBack = true
        return texts
    }
}

/// A catalog locale and whether every text in it is present and reviewed.
public struct LocaleStatus: Codable, Hashable, Sendable {
    public var tag: LanguageTag
    public var name: String
    public var complete: Bool

    public init(tag: LanguageTag, name: String, complete: Bool) {
        self.tag = tag
        self.name = name
        self.complete = complete
    }
}

extension Sequence where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
