import ErrataCore
import Testing

@Suite struct CatalogValidatorTests {
    static let en = LanguageTag.english
    static let zh = LanguageTag(rawValue: "zh-Hans")!
    static let key = EntryKey(code: ErrorCode("EntityTooLarge"))

    static func catalog(_ texts: [TextKey: String], entries: [CatalogEntry]? = nil) -> Catalog {
        Catalog(
            locales: [LocaleInfo(tag: en, name: "English"), LocaleInfo(tag: zh, name: "简体中文")],
            entries: entries ?? [
                CatalogEntry(
                    key: key, httpStatus: 400, serviceMessage: "Too large.", category: ErrorCategory("upload"),
                    retry: .never, fault: .client, parameters: ["maxObjectSize": "5 GiB"]
                )
            ],
            texts: texts
        )
    }

    static func text(_ locale: LanguageTag, _ field: TextField) -> TextKey {
        TextKey(entry: key, locale: locale, field: field)
    }

    static let valid: [TextKey: String] = [
        text(en, .message): "The upload is larger than {maxObjectSize}.",
        text(en, .remediation): "Use a multipart upload.",
        text(zh, .message): "上传的数据超过 {maxObjectSize}。",
        text(zh, .remediation): "请使用分片上传。",
    ]

    @Test func acceptsAValidCatalog() {
        #expect(CatalogValidator.problems(in: Self.catalog(Self.valid)).isEmpty)
    }

    @Test func reportsMissingText() {
        var texts = Self.valid
        texts[Self.text(Self.zh, .remediation)] = nil
        #expect(CatalogValidator.problems(in: Self.catalog(texts)) == [.missingText(Self.text(Self.zh, .remediation))])
    }

    @Test func reportsPlaceholderMismatch() {
        var texts = Self.valid
        texts[Self.text(Self.zh, .message)] = "上传的数据超过 {maxobjectsize}。"
        #expect(CatalogValidator.problems(in: Self.catalog(texts)) == [
            .badText(Self.text(Self.zh, .message), .placeholderMismatch(expected: ["maxObjectSize"], found: ["maxobjectsize"]))
        ])
    }

    @Test func reportsUntrimmedEmptyAndControlCharacters() {
        var texts = Self.valid
        texts[Self.text(Self.zh, .message)] = " 上传的数据超过 {maxObjectSize}。"
        texts[Self.text(Self.zh, .remediation)] = ""
        texts[Self.text(Self.en, .remediation)] = "Use a\u{7} multipart upload."
        let problems = CatalogValidator.problems(in: Self.catalog(texts))
        #expect(problems.contains(.badText(Self.text(Self.zh, .message), .untrimmed)))
        #expect(problems.contains(.badText(Self.text(Self.zh, .remediation), .empty)))
        #expect(problems.contains(.badText(Self.text(Self.en, .remediation), .controlCharacter)))
    }

    @Test func reportsUndeclaredPlaceholdersAndDuplicates() {
        var texts = Self.valid
        texts[Self.text(Self.en, .remediation)] = "Parts up to {maxPartNumber}."
        texts[Self.text(Self.zh, .remediation)] = "最多 {maxPartNumber} 个分片。"
        let entry = Self.catalog([:]).entries[0]
        let problems = CatalogValidator.problems(in: Self.catalog(texts, entries: [entry, entry]))
        #expect(problems.contains(.duplicateEntry(Self.key)))
        #expect(problems.contains(.badText(Self.text(Self.en, .remediation), .undeclaredPlaceholder(["maxPartNumber"]))))
    }
}
