import ErrataCore
import Foundation
import Testing

/// The warnings ``GlossaryChecker`` finds: avoided variants, the other Chinese script, half-width punctuation.
@Suite struct GlossaryCheckerTests {
    static let glossary = try! Glossary(document: Data("""
        {"formatVersion": 1, "concepts": [
          {"id": "object", "description": "A stored blob.", "terms": {
            "en": {"term": "object", "avoid": ["file"]},
            "zh-Hans": {"term": "对象", "avoid": ["文件"]},
            "zh-Hant": {"term": "物件", "avoid": ["對象"]}}}
        ]}
        """.utf8))

    func warnings(_ text: String, _ locale: String, glossary: Glossary? = Self.glossary) -> [TextWarning] {
        GlossaryChecker.warnings(in: text, locale: LanguageTag(rawValue: locale)!, glossary: glossary)
    }

    // MARK: - Avoided variants

    @Test func anAvoidedVariantIsAWarningNamingItsConceptPlaceAndTerm() {
        #expect(warnings("无法读取文件。", "zh-Hans") == [
            TextWarning(kind: .avoidedVariant, found: "文件", offset: 4, concept: "object", suggestion: "对象"),
        ])
        #expect(warnings("无法读取文件。", "zh-Hans")[0].description == "“文件” at 4 is a variant to avoid for object; the glossary says “对象”")
    }

    @Test func englishVariantsMatchInAnyCase() {
        #expect(warnings("The File is gone; no file remains.", "en").map(\.found) == ["File", "file"])
        #expect(warnings("The File is gone.", "en").map(\.offset) == [4])
    }

    @Test func placeholdersAndQuotedLiteralsAreNotChecked() {
        #expect(warnings("The {file} parameter and `file` are fine.", "en").isEmpty)
        #expect(warnings("See {count, plural, one {file} other {files}}.", "en").isEmpty)
    }

    @Test func withoutAGlossaryNoVariantIsAvoided() {
        #expect(warnings("无法读取文件。", "zh-Hans", glossary: nil).isEmpty)
        #expect(warnings("無法讀取对象(物件)", "zh-Hant", glossary: nil).map(\.kind) == [.simplifiedCharacter, .halfWidthPunctuation, .halfWidthPunctuation])
    }

    @Test func aLocaleWithoutTheTermHasNoVariants() {
        #expect(warnings("文件", "ja").isEmpty)
    }

    // MARK: - Chinese scripts

    @Test func aSimplifiedOnlyCharacterInTraditionalChineseIsAWarning() {
        #expect(warnings("儲存貯體不存在，请重試。", "zh-Hant") == [TextWarning(kind: .simplifiedCharacter, found: "请", offset: 8)])
    }

    @Test func aTraditionalOnlyCharacterInSimplifiedChineseIsAWarning() {
        #expect(warnings("存储桶不存在，請重试。", "zh-Hans") == [TextWarning(kind: .traditionalCharacter, found: "請", offset: 7)])
    }

    @Test func charactersValidInBothScriptsAreNotWarnedAbout() {
        // 后 (queen), 台 (platform), 面 (face), 干 (shield), 里 (village) are Traditional too.
        #expect(warnings("後台頁面，里干后。", "zh-Hant").isEmpty)
        #expect(warnings("乾淨", "zh-Hans").map(\.found) == ["淨"])
    }

    @Test func otherLocalesHaveNoScriptWarnings() {
        #expect(warnings("请求", "ja").isEmpty)
        #expect(warnings("請求", "zh").isEmpty)
    }

    // MARK: - Half-width punctuation

    @Test func halfWidthPunctuationNextToChineseIsAWarningWithItsFullWidthForm() {
        #expect(warnings("请稍后重试,或联系管理员(管理员)!", "zh-Hans").map { "\($0.found)\($0.suggestion!)\($0.offset)" } == [
            ",，5", "(（12", ")）16", "!！17",
        ])
        #expect(warnings("原因: 逾時", "zh-Hant").map(\.found) == [":"])
    }

    @Test func numbersHeadersURLsAndPlaceholdersKeepTheirPunctuation() {
        #expect(warnings("请设置 x-amz-acl: private，上限为 1,024 个。", "zh-Hans").isEmpty)
        #expect(warnings("参见 https://example.com/a?b=1 。", "zh-Hans").isEmpty)
        #expect(warnings("大小为{size, number}。", "zh-Hans").isEmpty)
        #expect(warnings("Retry later, please (or not)!", "en").isEmpty)
    }

    // MARK: - The shipped catalog

    @Test func theShippedCatalogHasNoGlossaryWarnings() throws {
        let files = LocalizationsDirectory(url: RepositoryFiles.localizations)
        let catalog = try files.load()
        let glossary = try #require(try files.loadGlossary(locales: catalog.locales))
        let found = catalog.texts.sorted { $0.key < $1.key }.flatMap { key, text in
            GlossaryChecker.warnings(in: text, locale: key.locale, glossary: glossary).map { "\(key.stringKey) (\(key.locale)): \($0)" }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test func theShippedGlossaryTermsUseNoAvoidedVariant() throws {
        let files = LocalizationsDirectory(url: RepositoryFiles.localizations)
        let glossary = try #require(try files.loadGlossary(locales: try files.load().locales))
        #expect(glossary.concepts.count >= 29)
        let found = glossary.concepts.flatMap { concept in
            concept.terms.flatMap { locale, term in
                GlossaryChecker.warnings(in: term.term, locale: locale, glossary: glossary).map { "\(concept.id) (\(locale)): \($0)" }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
