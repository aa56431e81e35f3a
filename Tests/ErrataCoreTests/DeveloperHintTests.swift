import ErrataCore
import Foundation
import Testing

/// The optional developer hint: validated, read and written with the other texts, resolved with
/// fallback, and described only where an entry has one.
@Suite struct DeveloperHintTests {
    static let en = CatalogValidatorTests.en
    static let zh = CatalogValidatorTests.zh
    static let hint = "Check that the Content-Length of each part is at most {maxObjectSize}."
    static let zhHint = "请确认每个分片的 Content-Length 不超过 {maxObjectSize}。"

    static func text(_ locale: LanguageTag, _ field: TextField) -> TextKey { CatalogValidatorTests.text(locale, field) }

    /// The validator tests' catalog, with a developer hint in English and Chinese.
    static var hinted: Catalog {
        var texts = CatalogValidatorTests.valid
        texts[text(en, .developerHint)] = hint
        texts[text(zh, .developerHint)] = zhHint
        return CatalogValidatorTests.catalog(texts)
    }

    // MARK: - Validation

    @Test func anEntryWithoutAHintIsComplete() {
        #expect(CatalogValidator.problems(in: CatalogValidatorTests.catalog(CatalogValidatorTests.valid)).isEmpty)
        #expect(CatalogValidator.problems(in: Self.hinted).isEmpty)
    }

    @Test func aSourceHintNeedsItsTranslations() {
        var catalog = Self.hinted
        catalog.texts[Self.text(Self.zh, .developerHint)] = nil
        #expect(CatalogValidator.problems(in: catalog) == [.missingText(Self.text(Self.zh, .developerHint))])
    }

    @Test func aTranslationWithoutTheSourceHintIsRefused() {
        var catalog = Self.hinted
        catalog.texts[Self.text(Self.en, .developerHint)] = nil
        #expect(CatalogValidator.problems(in: catalog) == [.translationWithoutSource(Self.text(Self.zh, .developerHint))])
    }

    @Test func aHintFollowsTheTextRules() {
        var catalog = Self.hinted
        catalog.texts[Self.text(Self.zh, .developerHint)] = "请确认分片大小。"
        #expect(CatalogValidator.problems(in: catalog) == [
            .badText(Self.text(Self.zh, .developerHint), .placeholderMismatch(expected: ["maxObjectSize"], found: []))
        ])
    }

    // MARK: - Files

    @Test func hintsAreWrittenAndReadBackAsTexts() throws {
        let directory = CatalogNotesTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory.url) }
        var catalog = Self.hinted
        catalog.entries[0].comments[.developerHint] = "For developers: keep Content-Length as written."
        try directory.write(catalog)
        let strings = try JSONDecoder().decode(StringCatalog.self, from: Data(contentsOf: directory.stringCatalogURL))
        #expect(strings.strings["EntityTooLarge.developerHint"]?.localizations?["zh-Hans"]?.stringUnit?.value == Self.zhHint)
        #expect(strings.strings["EntityTooLarge.developerHint"]?.comment == "For developers: keep Content-Length as written.")
        #expect(try directory.load() == catalog)
    }

    @Test func theXLIFFExportHasAHintUnitOnlyWhereTheSourceHasOne() {
        let withHint = XLIFFDocument(translating: Self.hinted, into: Self.zh, revision: 3)
        #expect(withHint.units.map(\.id) == ["EntityTooLarge.message", "EntityTooLarge.remediation", "EntityTooLarge.developerHint"])
        #expect(withHint.units[2].notes[0].hasPrefix("Developer hint:"))
        let without = XLIFFDocument(translating: CatalogValidatorTests.catalog(CatalogValidatorTests.valid), into: Self.zh, revision: 3)
        #expect(without.units.map(\.id) == ["EntityTooLarge.message", "EntityTooLarge.remediation"])
    }

    // MARK: - Describing

    @Test func describeRendersTheHintWithTheEntrysValues() throws {
        let snapshot = CatalogSnapshot(catalog: Self.hinted, revision: 2)
        let entry = try snapshot.entry(code: ErrorCode("EntityTooLarge"), variant: nil)
        let chinese = try snapshot.describe(entry, negotiation: LocaleNegotiation(locale: Self.zh, fallback: false))
        #expect(chinese.developerHint == "请确认每个分片的 Content-Length 不超过 5 GiB。")
        #expect(!chinese.fallback)
        let given = try snapshot.describe(entry, negotiation: LocaleNegotiation(locale: Self.en, fallback: false), parameters: ["maxObjectSize": "1 TiB"])
        #expect(given.developerHint == "Check that the Content-Length of each part is at most 1 TiB.")
        #expect(String(decoding: chinese.canonicalJSON, as: UTF8.self).contains(#""developerHint":"请确认"#))
    }

    @Test func aMissingTranslationFallsBackAndMakesTheLocaleIncomplete() throws {
        var catalog = Self.hinted
        catalog.texts[Self.text(Self.zh, .developerHint)] = nil
        let snapshot = CatalogSnapshot(catalog: catalog, revision: 2)
        let entry = try snapshot.entry(code: ErrorCode("EntityTooLarge"), variant: nil)
        let chinese = try snapshot.describe(entry, negotiation: LocaleNegotiation(locale: Self.zh, fallback: false))
        #expect(chinese.developerHint == "Check that the Content-Length of each part is at most 5 GiB.")
        #expect(chinese.fallback)
        #expect(snapshot.locales.map(\.complete) == [true, false])
    }

    @Test func anEntryWithoutAHintDescribesNone() throws {
        let snapshot = CatalogSnapshot(catalog: CatalogValidatorTests.catalog(CatalogValidatorTests.valid), revision: 2)
        let entry = try snapshot.entry(code: ErrorCode("EntityTooLarge"), variant: nil)
        let description = try snapshot.describe(entry, negotiation: LocaleNegotiation(locale: Self.zh, fallback: false))
        #expect(description.developerHint == nil && !description.fallback)
        #expect(snapshot.locales.allSatisfy { $0.complete })
        #expect(!String(decoding: description.canonicalJSON, as: UTF8.self).contains("developerHint"))
    }
}
