import ErrataCore
import Foundation
import Testing

/// Checks the committed `Localizations/` catalog: complete, consistent, and true to the seed.
@Suite struct SeedCatalogTests {
    let catalog: Catalog

    init() throws {
        catalog = try LocalizationsDirectory(url: RepositoryFiles.localizations).load()
    }

    @Test func passesValidation() {
        let problems = CatalogValidator.problems(in: catalog)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test func hasEveryLocaleAndEntry() {
        #expect(catalog.locales.map(\.tag.rawValue) == ["en", "zh-Hans", "zh-Hant", "ja", "ko"])
        // The seed's 57 rows (55 codes), the 62 S3-standard codes it lacks, and the 6 generic answers.
        #expect(catalog.entries.count == 125)
        #expect(catalog.entries.count { $0.origin == .service } == 57)
        #expect(Set(catalog.entries.filter { $0.origin == .service }.map(\.code)).count == 55)
        #expect(catalog.entries.count { $0.origin == .s3 } == 62)
        #expect(catalog.entries.filter { $0.origin == .generic }.map { $0.variant?.rawValue }
            == ["client", "permission", "missing", "conflict", "throttling", "server"])
        // The service's own entries come first, in the seed's order.
        #expect(catalog.entries.prefix(57).allSatisfy { $0.origin == .service })
        // A message and a remediation per entry and locale, and a developer hint in every locale where English has one.
        let hinted = catalog.entries.count { catalog[TextKey(entry: $0.key, locale: .english, field: .developerHint)] != nil }
        #expect(hinted >= 3)
        #expect(catalog.texts.count == 125 * 5 * 2 + hinted * 5)
    }

    @Test func namesTheS3SpellingsOfTheServicesCodes() {
        let aliases = Dictionary(uniqueKeysWithValues: catalog.entries.filter { !$0.aliases.isEmpty }.map { ($0.code.rawValue, $0.aliases.map(\.rawValue)) })
        #expect(aliases == ["NotSuchBucketPolicy": ["NoSuchBucketPolicy"], "KeyTooLong": ["KeyTooLongError"]])
    }

    @Test func bucketNotEmptyHasThreeVariants() {
        let variants = catalog.entries.filter { $0.code == ErrorCode("BucketNotEmpty") }.map { $0.variant?.rawValue }
        #expect(variants == ["objects", "multipartUploads", "acl"])
    }

    @Test func keepsSeedDataVerbatim() throws {
        func entry(_ code: String, _ variant: String? = nil) throws -> CatalogEntry {
            try #require(catalog.entries.first { $0.code.rawValue == code && $0.variant?.rawValue == variant })
        }
        #expect(try entry("InvalidCallback").httpStatus == 567)
        #expect(try entry("BucketNotEmpty", "multipartUploads").serviceMessage.contains("muti uploads"))
        #expect(try entry("TooManyParts").serviceMessage.contains("must less than"))
        #expect(try entry("InvalidAccessKeyId").serviceMessage.contains("does  not"))
        #expect(try entry("SlowDown").retry == .throttling)
        #expect(try entry("InternalError").retry == .retryable)
        #expect(try entry("RequestTimeout").retry == .retryable)
        #expect(try entry("InternalError").fault == .server)
    }

    /// Where the service's own table gives a number, the defaults follow it: "5G" for a single upload,
    /// and "Part number must less than 10000", so the highest part number is 9,999.
    @Test func limitsFollowTheServiceTable() {
        let parameters = Dictionary(uniqueKeysWithValues: catalog.entries.map { ($0.key.stringKeyPrefix, $0.parameters) })
        #expect(parameters["EntityTooLarge"]?["maxObjectSize"] == "5 GB")
        #expect(parameters["TooManyParts"]?["maxPartNumber"] == "9,999")
        #expect(parameters["InvalidPartOrder"]?["maxPartNumber"] == "9,999")
    }

    /// Two entries naming the same limit give it the same default, so their texts never disagree.
    @Test func sharedParametersHaveOneDefault() {
        var defaults: [String: Set<String>] = [:]
        for entry in catalog.entries {
            for (name, value) in entry.parameters { defaults[name, default: []].insert(value) }
        }
        #expect(defaults.filter { $0.value.count > 1 }.isEmpty, "\(defaults.filter { $0.value.count > 1 })")
        #expect(defaults["maxKeyLength"] == ["1,024"])
    }

    /// Every key carries a note for translators, and the note explains each placeholder the key's text uses.
    @Test func everyKeyHasATranslatorComment() throws {
        let file = RepositoryFiles.localizations.appendingPathComponent(LocalizationsDirectory.stringCatalogFileName)
        let strings = try JSONDecoder().decode(StringCatalog.self, from: Data(contentsOf: file)).strings
        #expect(strings.count == Set(catalog.texts.keys.map(\.stringKey)).count)
        for (key, entry) in strings.sorted(by: { $0.key < $1.key }) {
            let comment = entry.comment ?? ""
            #expect(!comment.isEmpty, "\(key) has no comment")
            let source = entry.localizations?[catalog.sourceLocale.rawValue]?.stringUnit?.value ?? ""
            for name in Set(MessagePattern(source).placeholders) {
                #expect(comment.contains("{\(name)}"), "\(key)'s comment does not explain {\(name)}")
            }
        }
    }

    @Test func everyPlaceholderHasANoteForTranslators() {
        #expect(catalog.entries.filter { !$0.parameters.isEmpty }.count == 7)
        for entry in catalog.entries {
            #expect(Set(entry.parameterNotes.keys) == Set(entry.parameters.keys), "\(entry.key)")
        }
    }

    /// Every seed row is in the catalog with its message and status.
    @Test func matchesTheSeedTable() throws {
        let seed = try String(contentsOf: RepositoryFiles.seed, encoding: .utf8)
        let rows = seed.split(separator: "\n").filter { $0.hasPrefix("|") && !$0.hasPrefix("|-") && !$0.hasPrefix("|错误码") }
        #expect(rows.count == 57)
        for (row, entry) in zip(rows, catalog.entries) {
            let cells = row.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            #expect(cells[1] == entry.code.rawValue)
            #expect(cells[2] == entry.serviceMessage)
            #expect(Int(cells[3]) == entry.httpStatus)
        }
    }

    @Test func accessKeyLimitedDoesNotReuseBucketAlreadyExistsText() throws {
        for locale in catalog.locales.map(\.tag) {
            let limited = TextKey(entry: EntryKey(code: ErrorCode("AccessKeyLimited")), locale: locale, field: .message)
            let exists = TextKey(entry: EntryKey(code: ErrorCode("BucketAlreadyExists")), locale: locale, field: .message)
            #expect(catalog[limited] != catalog[exists])
        }
    }

    @Test func typosStayOutOfLocalizedTexts() {
        for text in catalog.texts.values {
            #expect(!text.contains("muti uploads") && !text.contains("must less than") && !text.contains("does  not"))
        }
    }

    @Test func roundTripsThroughWrite() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try LocalizationsDirectory(url: directory).write(catalog)
        #expect(try LocalizationsDirectory(url: directory).load() == catalog)
    }
}
