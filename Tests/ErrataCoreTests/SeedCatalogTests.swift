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
        #expect(catalog.locales.map(\.tag.rawValue) == ["en", "zh-Hans", "zh-Hant"])
        #expect(catalog.entries.count == 59)
        #expect(Set(catalog.entries.map(\.code)).count == 56)
        #expect(catalog.texts.count == 59 * 3 * 2)
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
        #expect(try entry("EntityTooLarge").parameters["maxObjectSize"] == "5 GiB")
        #expect(try entry("TooManyParts").parameters["maxPartNumber"] == "10000")
    }

    @Test func everyPlaceholderHasANoteForTranslators() {
        #expect(catalog.entries.filter { !$0.parameters.isEmpty }.count == 6)
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
