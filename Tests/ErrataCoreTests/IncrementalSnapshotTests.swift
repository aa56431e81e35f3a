import ErrataCore
import Testing

/// `CatalogSnapshot.applying` must answer exactly as a snapshot rebuilt from the changed catalog.
@Suite struct IncrementalSnapshotTests {
    let base: CatalogSnapshot

    init() throws {
        base = CatalogSnapshot(catalog: try LocalizationsDirectory(url: RepositoryFiles.localizations).load(), revision: 1)
    }

    // MARK: - Property

    @Test(arguments: 0..<24 as Range<UInt64>)
    func randomChangeSequencesMatchAFullRebuild(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var incremental = base
        var catalog = base.catalog
        for step in 0..<8 {
            let revision = incremental.revision + 1
            let changes = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                let state: TranslationState = Bool.random(using: &random) ? .needsReview : .translated
                return TextChange(key: randomKey(using: &random), text: randomText(using: &random), state: state, revision: revision)
            }
            // Sometimes a new locale, which the delta's locales announce.
            var locales = catalog.locales
            if Int.random(in: 0..<4, using: &random) == 0, let added = Self.newLocales.first(where: { !locales.contains($0) }) {
                locales.append(added)
            }
            let delta = CatalogChanges(fromRevision: revision - 1, toRevision: revision, changes: changes, locales: locales)
            incremental = incremental.applying(delta)
            catalog = catalog.applying(delta)
            let rebuilt = CatalogSnapshot(catalog: catalog, revision: revision)
            try expectSameAnswers(incremental, rebuilt, "seed \(seed), step \(step)")
        }
    }

    /// Every locale status, and every entry described in every catalog locale, one outside it,
    /// after a failed negotiation, and with parameters, as well as the resulting catalog.
    private func expectSameAnswers(_ incremental: CatalogSnapshot, _ rebuilt: CatalogSnapshot, _ context: String) throws {
        #expect(incremental.document == CatalogDocument(catalog: rebuilt.catalog, revision: rebuilt.revision), "\(context)")
        #expect(incremental.catalog == rebuilt.catalog, "\(context)")
        #expect(incremental.locales == rebuilt.locales, "\(context)")
        #expect(incremental.revision == rebuilt.revision, "\(context)")
        let negotiations = rebuilt.catalog.locales.map { LocaleNegotiation(locale: $0.tag, fallback: false) } + [
            LocaleNegotiation(locale: LanguageTag(rawValue: "fr")!, fallback: true),
            LocaleNegotiation(locale: LanguageTag(rawValue: "zh-Hant")!, fallback: true),
        ]
        for entry in rebuilt.entries {
            let parameters = entry.parameters.mapValues { _ in "42 {x}" }
            for negotiation in negotiations {
                let expected = try rebuilt.describe(entry, negotiation: negotiation)
                #expect(try incremental.describe(entry, negotiation: negotiation) == expected, "\(context), \(entry.key)")
                let withParameters = try rebuilt.describe(entry, negotiation: negotiation, parameters: parameters)
                #expect(
                    try incremental.describe(entry, negotiation: negotiation, parameters: parameters) == withParameters,
                    "\(context), \(entry.key) with parameters"
                )
            }
        }
    }

    // MARK: - Targeted cases

    @Test func aChangedSourceTextReachesTheLocalesThatFallBackToIt() throws {
        var catalog = base.catalog
        let key = EntryKey(code: ErrorCode("NoSuchKey"))
        let zhHant = LanguageTag(rawValue: "zh-Hant")!
        catalog.texts[TextKey(entry: key, locale: zhHant, field: .message)] = nil
        let partial = CatalogSnapshot(catalog: catalog, revision: 1)
        let change = TextChange(key: TextKey(entry: key, locale: .english, field: .message), text: "Edited.", revision: 2)
        let next = partial.applying([change], revision: 2)
        let entry = try next.entry(code: key.code, variant: nil)
        let description = try next.describe(entry, negotiation: LocaleNegotiation(locale: zhHant, fallback: false))
        #expect(description.message == "Edited." && description.fallback && description.revision == 2)
        #expect(next.locales.first { $0.tag == zhHant }?.complete == false)
    }

    @Test func fillingTheLastGapCompletesALocale() throws {
        let key = TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey")), locale: LanguageTag(rawValue: "zh-Hant")!, field: .remediation)
        let text = try #require(base.catalog[key])
        let gap = base.applying([TextChange(key: key, text: "", revision: 2)], revision: 2)
        #expect(gap.locales.first { $0.tag == key.locale }?.complete == false)
        let filled = gap.applying([TextChange(key: key, text: text, revision: 3)], revision: 3)
        #expect(filled.locales == base.locales)
    }

    /// Enough changes that the snapshot folds the changed texts into its base catalog on the way.
    @Test func manyChangesMatchAFullRebuild() throws {
        var incremental = base
        var catalog = base.catalog
        let keys = base.catalog.expectedTextKeys
        for (batch, start) in stride(from: 0, to: keys.count, by: 10).enumerated() {
            let revision = batch + 2
            let changes = keys[start..<min(start + 10, keys.count)].map { TextChange(key: $0, text: "Text \($0) at \(revision).", revision: revision) }
            incremental = incremental.applying(changes, revision: revision)
            catalog = catalog.applying(CatalogChanges(fromRevision: revision - 1, toRevision: revision, changes: changes, locales: nil))
        }
        try expectSameAnswers(incremental, CatalogSnapshot(catalog: catalog, revision: incremental.revision), "all texts changed")
    }

    @Test func aLocaleReadBeforeAChangeAndLocalesNotReadBothMatchARebuild() throws {
        // A snapshot resolves a locale when it is first read: zh-Hant's texts are resolved here and
        // carried into the next revision with the touched entry resolved again; the other locales
        // are resolved only afterwards, from the changed catalog.
        let chinese = try #require(LanguageTag(rawValue: "zh-Hant"))
        let entry = try base.entry(code: ErrorCode("NoSuchKey"), variant: nil)
        _ = try base.describe(entry, negotiation: LocaleNegotiation(locale: chinese, fallback: false))
        let changes = [
            TextChange(key: TextKey(entry: entry.key, locale: chinese, field: .message), text: "", revision: 2),
            TextChange(key: TextKey(entry: entry.key, locale: .english, field: .message), text: "Changed.", revision: 2),
        ]
        let incremental = base.applying(changes, revision: 2)
        let catalog = base.catalog.applying(CatalogChanges(fromRevision: 1, toRevision: 2, changes: changes, locales: nil))
        try expectSameAnswers(incremental, CatalogSnapshot(catalog: catalog, revision: 2), "zh-Hant read before the change")
        let described = try incremental.describe(entry, negotiation: LocaleNegotiation(locale: chinese, fallback: false))
        #expect(described.message == "Changed." && described.fallback, "zh-Hant falls back to the changed English text")
    }

    @Test func changesForUnknownEntriesOrLocalesAreIgnored() {
        let unknownEntry = TextKey(entry: EntryKey(code: ErrorCode("NoSuchThing")), locale: .english, field: .message)
        let unknownLocale = TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey")), locale: LanguageTag(rawValue: "fr")!, field: .message)
        let next = base.applying([unknownEntry, unknownLocale].map { TextChange(key: $0, text: "x", revision: 2) }, revision: 2)
        #expect(next.catalog == base.catalog && next.locales == base.locales && next.revision == 2)
    }

    @Test func aReviewStateAloneDecidesWhetherALocaleIsComplete() throws {
        let key = TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey")), locale: LanguageTag(rawValue: "zh-Hans")!, field: .message)
        let text = try #require(base.catalog[key])
        let flagged = base.applying([TextChange(key: key, text: text, state: .needsReview, revision: 2)], revision: 2)
        #expect(flagged.needsReview(key) && flagged.catalog.needsReview.contains(key))
        #expect(flagged.locales.first { $0.tag == key.locale }?.complete == false)
        let reviewed = flagged.applying([TextChange(key: key, text: text, state: .translated, revision: 3)], revision: 3)
        #expect(!reviewed.needsReview(key) && reviewed.locales == base.locales)
    }

    @Test func aNewLocaleArrivesWithItsTexts() throws {
        let french = LanguageTag(rawValue: "fr")!
        let key = TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey")), locale: french, field: .message)
        let locales = base.catalog.locales + [LocaleInfo(tag: french, name: "Français")]
        let next = base.applying(CatalogChanges(
            fromRevision: 1, toRevision: 2, changes: [TextChange(key: key, text: "La clé n'existe pas.", revision: 2)], locales: locales
        ))
        #expect(next.catalog.locales == locales && next.catalog[key] == "La clé n'existe pas.")
        #expect(next.negotiator.negotiate(explicit: "fr-CA", acceptLanguage: nil) == LocaleNegotiation(locale: french, fallback: false))
        let entry = try next.entry(code: key.entry.code, variant: nil)
        let description = try next.describe(entry, negotiation: LocaleNegotiation(locale: french, fallback: false))
        #expect(description.message == "La clé n'existe pas." && description.fallback, "the remediation still comes from English")
    }

    // MARK: - Random inputs

    /// Locales a random delta may add: `zh` changes the fallback chains of the Chinese locales.
    static let newLocales = [LocaleInfo(tag: LanguageTag(rawValue: "fr")!, name: "Français"), LocaleInfo(tag: LanguageTag(rawValue: "zh")!, name: "中文")]

    /// Mostly real keys, sometimes an unknown entry or a locale the catalog may not have, which must be ignored.
    private func randomKey(using random: inout SplitMix64) -> TextKey {
        let entries = base.entries.map(\.key) + [EntryKey(code: ErrorCode("NoSuchThing"))]
        let locales = base.catalog.locales.map(\.tag) + Self.newLocales.map(\.tag)
        return TextKey(
            entry: entries.randomElement(using: &random)!,
            locale: locales.randomElement(using: &random)!,
            field: TextField.allCases.randomElement(using: &random)!
        )
    }

    /// Texts that exercise fallback (empty), placeholders and the never-empty rule.
    private func randomText(using random: inout SplitMix64) -> String {
        ["", " ", "Changed {maxObjectSize} text.", "{maxObjectSize}", "改了。", "Plain replacement."].randomElement(using: &random)!
    }
}

/// A small seeded generator, so that a failing sequence can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
