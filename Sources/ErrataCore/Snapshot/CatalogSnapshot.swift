/// An immutable, lookup-ready view of one published catalog revision.
///
/// Built once per revision; every lookup afterwards is an in-memory read with no I/O.
/// Texts are resolved the first time their locale is read: a text missing in a locale falls back along the locale's
/// fallback chain (its truncations of the same script) to the source locale, and finally to the
/// service's own message, so a lookup never yields an empty string.
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
    /// The catalog data the snapshot shows.
    ///
    /// After ``applying(_:revision:)`` it is assembled on first use (a copy of every text,
    /// kept for later uses); lookups never need it.
    public var catalog: Catalog {
        materialized.withLock { cached in
            if let cached { return cached }
            let catalog = layers.catalog
            cached = catalog
            return catalog
        }
    }
    /// The catalog as a `CatalogDocument`, equal to `CatalogDocument(catalog: catalog, revision: revision)`
    /// but without assembling and keeping ``catalog`` (a copy of every text) after ``applying(_:revision:)``.
    public var document: CatalogDocument {
        layers.document(revision: revision)
    }
    /// Chooses among this snapshot's locales, as the server and the client both do.
    public let negotiator: LocaleNegotiator
    /// Locales in catalog order, with whether each is completely translated.
    public let locales: [LocaleStatus]

    /// The texts and review flags: the catalog's, plus the changes applied since it was built.
    private let layers: LayeredCatalog
    private let materialized: Locked<Catalog?>
    private let entriesByCode: [ErrorCode: [CatalogEntry]]
    private let suggester: CodeSuggester
    /// Each entry once (the first of duplicate keys), in catalog order: the columns of `resolved`.
    private let uniqueEntries: [CatalogEntry]
    private let entryIndexes: [EntryKey: Int]
    /// Resolved texts by locale index (each catalog locale once, in catalog order), then entry index:
    /// integer indexes instead of String-keyed dictionaries.
    private let resolved: [ResolvedRow]
    private let localeIndexes: [LanguageTag: Int]
    /// How many entries of each locale in `resolved` fall back or await review; 0 means complete.
    private let incompleteCounts: [Int]

    public convenience init(catalog: Catalog, revision: Int) {
        let negotiator = LocaleNegotiator(available: catalog.locales.map(\.tag), defaultLocale: catalog.sourceLocale)
        var entriesByCode: [ErrorCode: [CatalogEntry]] = [:]
        var uniqueEntries: [CatalogEntry] = []
        var entryIndexes: [EntryKey: Int] = [:]
        uniqueEntries.reserveCapacity(catalog.entries.count)
        entryIndexes.reserveCapacity(catalog.entries.count)
        for entry in catalog.entries where entryIndexes[entry.key] == nil {
            entryIndexes[entry.key] = uniqueEntries.count
            uniqueEntries.append(entry)
            entriesByCode[entry.code, default: []].append(entry)
        }
        // An alias names its code's variants, unless it is a code or an earlier entry's alias (both of
        // which `CatalogValidator` refuses).
        let codes = Set(entriesByCode.keys)
        for entry in uniqueEntries {
            for alias in entry.aliases where !codes.contains(alias) && entriesByCode[alias] == nil {
                entriesByCode[alias] = entriesByCode[entry.code]
            }
        }
        let layers = LayeredCatalog(catalog)
        let resolved = catalog.locales.map(\.tag).uniqued().map { ResolvedRow(locale: $0, chain: negotiator.fallbackChain(for: $0)) }
        let incompleteCounts = resolved.map { row in
            uniqueEntries.count { ResolvedTexts.isIncomplete($0, locale: row.locale, chain: row.chain, in: layers) }
        }
        self.init(
            revision: revision, layers: layers, negotiator: negotiator, entriesByCode: entriesByCode,
            suggester: CodeSuggester(codes: entriesByCode.keys.sorted()),
            uniqueEntries: uniqueEntries, entryIndexes: entryIndexes, resolved: resolved, incompleteCounts: incompleteCounts
        )
    }

    /// Assembles a snapshot from its parts; the locale statuses follow from `incompleteCounts`.
    private init(
        revision: Int, layers: LayeredCatalog, negotiator: LocaleNegotiator, entriesByCode: [ErrorCode: [CatalogEntry]],
        suggester: CodeSuggester, uniqueEntries: [CatalogEntry], entryIndexes: [EntryKey: Int], resolved: [ResolvedRow],
        incompleteCounts: [Int]
    ) {
        self.revision = revision
        self.layers = layers
        self.materialized = Locked(nil)
        self.negotiator = negotiator
        self.entriesByCode = entriesByCode
        self.suggester = suggester
        self.uniqueEntries = uniqueEntries
        self.entryIndexes = entryIndexes
        self.resolved = resolved
        self.incompleteCounts = incompleteCounts
        let localeIndexes = Dictionary(resolved.enumerated().map { ($1.locale, $0) }, uniquingKeysWith: { first, _ in first })
        self.localeIndexes = localeIndexes
        self.locales = layers.base.locales.map {
            LocaleStatus(tag: $0.tag, name: $0.name, complete: incompleteCounts[localeIndexes[$0.tag]!] == 0)
        }
    }

    /// Resolves every locale's texts now rather than when each is first read: for a server, which
    /// serves every locale and should not keep a request waiting while a locale of a large catalog is
    /// resolved. Rows resolved here are carried into the revisions ``applying(_:)`` makes.
    public func resolveEveryLocale() {
        for row in resolved { row.resolve(entries: uniqueEntries, in: layers) }
    }

    // MARK: - Applying changes

    /// The snapshot at `changes.toRevision`: equal, for every lookup, description and locale status, to a
    /// snapshot built from ``Catalog/applying(_:)`` of this catalog.
    ///
    /// Only the touched entries are re-resolved (see ``applying(_:revision:)``) while the locales stay
    /// the same; new locales change the fallback chains and the negotiator, so the snapshot is rebuilt.
    public func applying(_ changes: CatalogChanges) -> CatalogSnapshot {
        guard let locales = changes.locales, locales != layers.base.locales else {
            return applying(changes.changes, revision: changes.toRevision)
        }
        return CatalogSnapshot(catalog: catalog.applying(changes), revision: changes.toRevision)
    }

    /// The snapshot at `revision` with texts and their review states changed, re-resolving only the entries they touch.
    ///
    /// Equal, for every lookup, description and locale status, to a snapshot built from this catalog with
    /// the texts and review flags replaced, at a cost proportional to the changed entries times the
    /// locales — a changed text can be another locale's fallback — not to the catalog.
    /// Changes naming an entry or locale the catalog lacks are ignored, as ``Catalog/applying(_:)`` does.
    /// - Parameters:
    ///   - changes: The changed texts, applied in order.
    ///   - revision: The revision of the new snapshot.
    public func applying(_ changes: [TextChange], revision: Int) -> CatalogSnapshot {
        var layers = self.layers
        var touched: Set<Int> = []
        for change in changes {
            let key = change.textKey
            guard let index = entryIndexes[key.entry], localeIndexes[key.locale] != nil else { continue }
            layers.setText(change.text, for: key)
            layers.setNeedsReview(change.needsReview, for: key)
            touched.insert(index)
        }
        var incompleteCounts = self.incompleteCounts
        for index in touched {
            let entry = uniqueEntries[index]
            for (position, row) in resolved.enumerated() {
                let was = ResolvedTexts.isIncomplete(entry, locale: row.locale, chain: row.chain, in: self.layers)
                let isNow = ResolvedTexts.isIncomplete(entry, locale: row.locale, chain: row.chain, in: layers)
                incompleteCounts[position] += (isNow ? 1 : 0) - (was ? 1 : 0)
            }
        }
        layers.foldIfLarge()
        return CatalogSnapshot(
            revision: revision, layers: layers, negotiator: negotiator, entriesByCode: entriesByCode,
            suggester: suggester, uniqueEntries: uniqueEntries, entryIndexes: entryIndexes,
            resolved: resolved.map { $0.applying(touched: touched, entries: uniqueEntries, in: layers) },
            incompleteCounts: incompleteCounts
        )
    }

    // MARK: - Finding entries

    /// Entries in catalog order.
    public var entries: [CatalogEntry] { layers.base.entries }

    /// The current text for a key, if the catalog has one; unlike ``catalog``, never copies the texts.
    public func text(for key: TextKey) -> String? {
        layers[key]
    }

    /// Whether a text awaits review; unlike ``catalog``, never copies the texts.
    public func needsReview(_ key: TextKey) -> Bool {
        layers.needsReview.contains(key)
    }

    /// The entry for a code and variant.
    ///
    /// - Parameters:
    ///   - code: The error code or one of its aliases, matched exactly.
    ///   - variant: The variant; `nil` chooses the code's first variant in catalog order.
    /// - Throws: ``CatalogLookupError`` for an unknown code or variant.
    public func entry(code: ErrorCode, variant: VariantName?) throws(CatalogLookupError) -> CatalogEntry {
        guard let candidates = entriesByCode[code] else {
            throw .unknownCode(code, suggestions: suggestions(for: code.rawValue))
        }
        guard let variant else { return candidates[0] }
        guard let match = candidates.first(where: { $0.variant == variant }) else {
            throw .unknownVariant(candidates[0].code, variant, available: candidates.compactMap(\.variant))
        }
        return match
    }

    /// Whether the snapshot has an entry with this key.
    public func contains(_ key: EntryKey) -> Bool {
        entryIndexes[key] != nil
    }

    /// Known codes and aliases close to `input`, closest first, for "did you mean" hints.
    public func suggestions(for input: String, limit: Int = 3) -> [ErrorCode] {
        suggester.suggestions(for: input, limit: limit)
    }

    /// Every variant of the code `code` names, itself or as an alias, in catalog order.
    func entries(named code: ErrorCode) -> [CatalogEntry]? {
        entriesByCode[code]
    }

    // MARK: - Describing

    /// Describes an entry in the negotiated locale.
    ///
    /// - Parameters:
    ///   - entry: An entry of this snapshot.
    ///   - negotiation: The locale to serve and whether negotiation already fell back.
    ///   - parameters: Values for the entry's placeholders, overriding its defaults.
    ///   - requestedCode: The code the caller asked for; the description names it when it is not the entry's
    ///     own (an alias, or a code a generic entry answers).
    /// - Throws: ``CatalogLookupError/unknownParameter(_:entry:)`` for a parameter the entry does not declare,
    ///   ``CatalogLookupError/parameterNotANumber(_:value:entry:)`` for a value a number or plural argument cannot take.
    public func describe(
        _ entry: CatalogEntry,
        negotiation: LocaleNegotiation,
        parameters: [String: String] = [:],
        requestedCode: ErrorCode? = nil
    ) throws(CatalogLookupError) -> ErrorDescription {
        let texts = resolvedTexts(entry, locale: negotiation.locale)
        var description: ErrorDescription
        if parameters.isEmpty {
            // The common case: a copy of the description resolved when the snapshot was built.
            description = texts.description
        } else {
            if let unknown = parameters.keys.sorted().first(where: { entry.parameters[$0] == nil }) {
                throw .unknownParameter(unknown, entry: entry.key)
            }
            do {
                description = try texts.describe(
                    entry, values: entry.parameters.merging(parameters) { _, given in given },
                    locale: negotiation.locale, fallback: texts.description.fallback, revision: revision
                )
            } catch {
                throw .parameterNotANumber(error.name, value: error.value, entry: entry.key)
            }
        }
        description.locale = negotiation.locale
        description.fallback = description.fallback || negotiation.fallback
        description.revision = revision
        description.requestedCode = requestedCode == entry.code ? nil : requestedCode
        return description
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
        entries.compactMap { entry in
            if let category, entry.category != category { return nil }
            if let httpStatus, entry.httpStatus != httpStatus { return nil }
            return try? describe(entry, negotiation: negotiation)
        }
    }

    private func resolvedTexts(_ entry: CatalogEntry, locale: LanguageTag) -> ResolvedTexts {
        guard let index = entryIndexes[entry.key] else { return ResolvedTexts(unresolved: entry) }
        if let row = localeIndexes[locale] { return resolved[row].texts(at: index, entries: uniqueEntries, in: layers) }
        // A locale outside the catalog: serve the source locale, marked as a fallback.
        guard let row = localeIndexes[negotiator.defaultLocale] else { return ResolvedTexts(unresolved: entry) }
        var texts = resolved[row].texts(at: index, entries: uniqueEntries, in: layers)
        texts.description.fallback = true
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
