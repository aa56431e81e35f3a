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
                TextChange(key: randomKey(using: &random), text: randomText(using: &random), revision: revision)
            }
            var needsReview: Set<TextKey>?
            if Bool.random(using: &random) {
                var flags = catalog.needsReview
                for _ in 0..<3 {
                    let key = randomKey(using: &random)
                    if flags.remove(key) == nil { flags.insert(key) }
                }
                needsReview = flags
            }
            incremental = incremental.applying(changes, needsReview: needsReview, revision: revision)
            catalog = catalog.applying(CatalogChanges(fromRevision: revision - 1, toRevision: revision, changes: changes))
            if let needsReview { catalog.needsReview = needsReview }
            let rebuilt = CatalogSnapshot(catalog: catalog, revision: revision)
            try expectSameAnswers(incremental, rebuilt, "seed \(seed), step \(step)")
        }
    }

    /// Every locale status, and every entry described in every catalog locale, one outside it,
    /// after a failed negotiation, and with parameters, as well as the resulting catalog.
    private func expectSameAnswers(_ incremental: CatalogSnapshot, _ rebuilt: CatalogSnapshot, _ context: String) throws {
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
            catalog = catalog.applying(CatalogChanges(fromRevision: revision - 1, toRevision: revision, changes: changes))
        }
        try expectSameAnswers(incremental, CatalogSnapshot(catalog: catalog, revision: incremental.revision), "all texts changed")
    }

    @Test func changesForUnknownEntriesOrLocalesAreIgnored() {
        let unknownEntry = TextKey(entry: EntryKey(code: ErrorCode("NoSuchThing")), locale: .english, field: .message)
        let unknownLocale = TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey")), locale: LanguageTag(rawValue: "fr")!, field: .message)
        let next = base.applying([unknownEntry, unknownLocale].map { TextChange(key: $0, text: "x", revision: 2) }, revision: 2)
        #expect(next.catalog == base.catalog && next.locales == base.locales && next.revision == 2)
    }

    // MARK: - Random inputs

    /// Mostly real keys, sometimes an unknown entry or locale, which must be ignored.
    private func randomKey(using random: inout SplitMix64) -> TextKey {
        let entries = base.entries.map(\.key) + [EntryKey(code: ErrorCode("NoSuchThing"))]
        let locales = base.catalog.locales.map(\.tag) + [LanguageTag(rawValue: "fr")!]
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
