import ErrataCore
import ErrataStore
import Foundation
import Testing

/// Translations coming back from an XLIFF file: staged, kept, or refused per unit with the reason.
@Suite struct TranslationImportTests {
    typealias Fixture = StoreFixture
    static let chinese = LanguageTag(rawValue: "zh-Hans")!

    /// The published catalog's texts to translate into Simplified Chinese, as `export --format xliff` writes them.
    func exported(_ fixture: Fixture) async throws -> XLIFFDocument {
        let published = try #require(try await fixture.store.publishedCatalog())
        return XLIFFDocument(translating: published.catalog, into: Self.chinese, revision: published.revision)
    }

    func importing(_ document: XLIFFDocument, into fixture: Fixture) async throws -> TranslationImportReport {
        try await fixture.store.importTranslations(
            document.units.map(ImportedTranslation.init), into: document.targetLanguage, from: document.sourceLanguage,
            baseRevision: document.revision, author: "import"
        )
    }

    /// Sets the target of the unit `id`.
    func translate(_ document: inout XLIFFDocument, _ id: String, to target: String, state: XLIFFState = .translated) throws {
        let index = try #require(document.units.firstIndex { $0.id == id })
        document.units[index].target = target
        document.units[index].state = state
    }

    @Test func anExportImportedAsItIsChangesNothing() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let document = try await exported(fixture)
        #expect(document.units.count == fixture.seed.texts.keys.count { $0.locale == fixture.seed.sourceLocale })
        let report = try await importing(try XLIFFDocument(xml: Array(document.xml().utf8)), into: fixture)
        #expect(report.units.count == document.units.count)
        #expect(report.ids("unchanged").count == document.units.count)
        #expect(try await fixture.store.draft().isEmpty)
    }

    @Test func changedTargetsAreStagedWithTheirState() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        var document = try await exported(fixture)
        try translate(&document, "NoSuchKey.remediation", to: "检查键名的拼写和大小写。")
        try translate(&document, "SlowDown.message", to: "请求过多，请放慢速度。", state: .needsReviewTranslation)
        let report = try await importing(document, into: fixture)
        #expect(report.ids("changed").sorted() == ["NoSuchKey.remediation", "SlowDown.message"])
        #expect(!report.units.contains { $0.outcome.isRefusal })
        let draft = try await fixture.store.draft().sorted { $0.key < $1.key }
        #expect(draft.map(\.key) == [Fixture.key("NoSuchKey", "zh-Hans"), Fixture.key("SlowDown", "zh-Hans", .message)])
        #expect(draft.map(\.text) == ["检查键名的拼写和大小写。", "请求过多，请放慢速度。"])
        #expect(draft.map(\.state) == [.translated, .needsReview])
        #expect(draft.allSatisfy { $0.author == "import" })
        // The same file again: what it says is now what the draft says.
        #expect(try await importing(document, into: fixture).ids("changed").isEmpty)
    }

    @Test func aUnitWhoseSourceChangedSinceTheExportIsStale() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        var document = try await exported(fixture)
        _ = try await fixture.store.setText(Fixture.key("NoSuchKey"), text: "Check the key's spelling.", expectedVersion: 1, author: nil)
        try translate(&document, "NoSuchKey.remediation", to: "检查键名。")
        try translate(&document, "SlowDown.remediation", to: "降低请求速率。")
        let report = try await importing(document, into: fixture)
        #expect(report.units.first { $0.id == "NoSuchKey.remediation" }?.outcome == .stale(currentSource: "Check the key's spelling."))
        #expect(report.ids("changed") == ["SlowDown.remediation"])
        // The stale translation is not staged: the draft keeps the review mark the English edit made.
        let staged = try await fixture.store.draft().first { $0.key == Fixture.key("NoSuchKey", "zh-Hans") }
        #expect(staged?.state == .needsReview)
        #expect(staged?.text == fixture.seed.texts[Fixture.key("NoSuchKey", "zh-Hans")])
    }

    @Test func aTargetTheTextRulesRefuseIsInvalidWithTheProblem() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        var document = try await exported(fixture)
        let source = try #require(document.units.first { $0.source.contains("{") })
        try translate(&document, source.id, to: "没有占位符。")
        try translate(&document, "NoSuchKey.message", to: " 前后有空格 ")
        document.units.append(.init(id: "NoSuchCode.message", source: "x", target: "y", state: .translated))
        let report = try await importing(document, into: fixture)
        let expected = TextProblem.placeholderMismatch(expected: MessagePattern(source.source).placeholders.sorted(), found: [])
        #expect(report.units.first { $0.id == source.id }?.outcome == .invalid(expected.description))
        #expect(report.units.first { $0.id == "NoSuchKey.message" }?.outcome == .invalid(TextProblem.untrimmed.description))
        #expect(report.units.first { $0.id == "NoSuchCode.message" }?.outcome == .invalid("no text has this id"))
        #expect(try await fixture.store.draft().isEmpty)
    }

    /// A translation that is not a valid ICU message, or uses an argument as another kind, is refused with the problem.
    @Test func aTargetThatIsNotAValidMessageIsInvalidWithItsPosition() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        var document = try await exported(fixture)
        try translate(&document, "RequestTimeTooSkewed.remediation", to: "时钟偏差超过 {maxClockSkewMinutes, plural, one {# 分钟}} 时请求被拒绝。")
        try translate(
            &document, "TooManyParts.remediation",
            to: "分段编号为 1 到 {maxPartNumber, number}，最多 {maxPartNumber, number} 个分段，分段大小至少为文件大小除以 {maxPartNumber, number}。"
        )
        let report = try await importing(document, into: fixture)
        #expect(report.units.first { $0.id == "RequestTimeTooSkewed.remediation" }?.outcome
            == .invalid("text is not a valid message: plural at 7 has no 'other' case"))
        let kinds = TextProblem.argumentKindMismatch("maxPartNumber", expected: [.simple], found: [.number])
        #expect(report.units.first { $0.id == "TooManyParts.remediation" }?.outcome == .invalid(kinds.description))
        #expect(try await fixture.store.draft().isEmpty)
    }

    @Test func aTextEditedLiveSinceTheExportIsAConflict() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        var document = try await exported(fixture)
        _ = try await fixture.store.setText(Fixture.key("SlowDown", "zh-Hans"), text: "请降低请求速率。", expectedVersion: 1, author: nil, publishNote: "live")
        _ = try await fixture.store.setText(Fixture.key("NoSuchKey", "zh-Hans"), text: "草稿中的修改。", expectedVersion: 1, author: nil)
        try translate(&document, "SlowDown.remediation", to: "文件中的修改。")
        try translate(&document, "NoSuchKey.remediation", to: "文件中的另一个修改。")
        let report = try await importing(document, into: fixture)
        #expect(report.ids("conflict").sorted() == ["NoSuchKey.remediation", "SlowDown.remediation"])
        #expect(try await fixture.store.draft().map(\.text) == ["草稿中的修改。"])
    }

    @Test func languagesTheCatalogCannotTakeAreRefusedWhole() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        var document = try await exported(fixture)
        document.targetLanguage = LanguageTag(rawValue: "fr")!
        await #expect { try await importing(document, into: fixture) } throws: {
            ($0 as? EditError)?.description == "locale fr is not in the catalog; add it with admin.addLocale first"
        }
        document.targetLanguage = .english
        await #expect { try await importing(document, into: fixture) } throws: { $0 is StoreError }
        _ = try await fixture.store.addLocale(LanguageTag(rawValue: "fr")!, name: "Français", author: nil)
        let published = try #require(try await fixture.store.publishedCatalog())
        var french = XLIFFDocument(translating: published.catalog, into: LanguageTag(rawValue: "fr")!, revision: published.revision)
        #expect(french.units.allSatisfy { $0.target == nil })
        #expect(try await importing(french, into: fixture).ids("untranslated").count == french.units.count)
        try translate(&french, "NoSuchKey.message", to: "La clé indiquée n’existe pas.")
        #expect(try await importing(french, into: fixture).ids("changed") == ["NoSuchKey.message"])
    }
}
