import ErrataCore
import Testing

@Suite struct CatalogSnapshotTests {
    let snapshot: CatalogSnapshot

    init() throws {
        snapshot = CatalogSnapshot(catalog: try LocalizationsDirectory(url: RepositoryFiles.localizations).load(), revision: 7)
    }

    func negotiation(_ locale: String, fallback: Bool = false) -> LocaleNegotiation {
        LocaleNegotiation(locale: LanguageTag(rawValue: locale)!, fallback: fallback)
    }

    @Test func describesInEachLocale() throws {
        let entry = try snapshot.entry(code: ErrorCode("NoSuchKey"), variant: nil)
        let english = try snapshot.describe(entry, negotiation: negotiation("en"))
        let chinese = try snapshot.describe(entry, negotiation: negotiation("zh-Hans"))
        #expect(english.httpStatus == 404 && english.revision == 7 && english.locale.rawValue == "en")
        #expect(!english.fallback)
        #expect(english.message != chinese.message)
        #expect(chinese.message.unicodeScalars.contains { $0.properties.isIdeographic })
    }

    @Test func rendersDefaultAndGivenParameters() throws {
        let entry = try snapshot.entry(code: ErrorCode("EntityTooLarge"), variant: nil)
        let defaults = try snapshot.describe(entry, negotiation: negotiation("en"))
        #expect((defaults.message + defaults.remediation).contains("5 GB"))
        #expect(!(defaults.message + defaults.remediation).contains("{"))
        let custom = try snapshot.describe(entry, negotiation: negotiation("zh-Hant"), parameters: ["maxObjectSize": "48.8 TiB"])
        #expect((custom.message + custom.remediation).contains("48.8 TiB"))
        #expect(throws: CatalogLookupError.unknownParameter("bogus", entry: entry.key)) {
            try snapshot.describe(entry, negotiation: negotiation("en"), parameters: ["bogus": "1"])
        }
    }

    /// A plural follows the rules of the locale its text is written in: Japanese, falling back to the
    /// English text, picks English's `one` (Japanese has `other` only).
    @Test func rendersPluralsInTheTextsOwnLocale() throws {
        var catalog = try LocalizationsDirectory(url: RepositoryFiles.localizations).load()
        let entry = try snapshot.entry(code: ErrorCode("RequestTimeTooSkewed"), variant: nil)
        let english = TextKey(entry: entry.key, locale: .english, field: .remediation)
        catalog.texts[english] = "Off by {maxClockSkewMinutes, plural, one {# minute} other {# minutes}}."
        catalog.texts[TextKey(entry: entry.key, locale: LanguageTag(rawValue: "ja")!, field: .remediation)] = nil
        let plural = CatalogSnapshot(catalog: catalog, revision: 8)
        let ja = try plural.describe(entry, negotiation: negotiation("ja"), parameters: ["maxClockSkewMinutes": "1"])
        #expect(ja.remediation == "Off by 1 minute." && ja.fallback)
        #expect(try plural.describe(entry, negotiation: negotiation("en")).remediation == "Off by 15 minutes.")
        #expect(throws: CatalogLookupError.parameterNotANumber("maxClockSkewMinutes", value: "a lot", entry: entry.key)) {
            try plural.describe(entry, negotiation: negotiation("en"), parameters: ["maxClockSkewMinutes": "a lot"])
        }
    }

    @Test func choosesVariants() throws {
        let code = ErrorCode("BucketNotEmpty")
        #expect(try snapshot.entry(code: code, variant: nil).variant?.rawValue == "objects")
        #expect(try snapshot.entry(code: code, variant: VariantName("acl")).variant?.rawValue == "acl")
        #expect(throws: CatalogLookupError.unknownVariant(code, VariantName("nope"), available: ["objects", "multipartUploads", "acl"].map { VariantName($0) })) {
            try snapshot.entry(code: code, variant: VariantName("nope"))
        }
    }

    @Test(arguments: [
        ("The bucket you tried to delete has some muti uploads didn't delete.", "multipartUploads"),
        ("  the bucket you tried to delete has ACL didn't delete ", "acl"),
        ("The bucket you tried to delete is not empty.", "objects"),
        ("Something else entirely", "objects"),
    ])
    func matchesVariantByServiceMessage(message: String, variant: String) throws {
        let entry = try snapshot.matchEntry(code: ErrorCode("BucketNotEmpty"), serviceMessage: message)
        #expect(entry.variant?.rawValue == variant)
    }

    @Test func suggestsNearCodes() {
        #expect(snapshot.suggestions(for: "nosuchkey").first == ErrorCode("NoSuchKey"))
        #expect(snapshot.suggestions(for: "NoSuchBuckit").first == ErrorCode("NoSuchBucket"))
        #expect(snapshot.suggestions(for: "CompletelyDifferentThing").isEmpty)
        #expect(throws: CatalogLookupError.self) { try snapshot.entry(code: ErrorCode("nosuchkey"), variant: nil) }
    }

    @Test func missingTranslationsFallBackPerText() throws {
        var catalog = snapshot.catalog
        let key = EntryKey(code: ErrorCode("NoSuchKey"))
        let zhHant = LanguageTag(rawValue: "zh-Hant")!
        catalog.texts[TextKey(entry: key, locale: zhHant, field: .remediation)] = nil
        let partial = CatalogSnapshot(catalog: catalog, revision: 8)
        let entry = try partial.entry(code: key.code, variant: nil)
        let description = try partial.describe(entry, negotiation: negotiation("zh-Hant"))
        let english = try partial.describe(entry, negotiation: negotiation("en"))
        #expect(description.fallback)
        #expect(description.remediation == english.remediation)
        #expect(description.message != english.message)
        #expect(partial.locales.first { $0.tag == zhHant }?.complete == false)
        #expect(partial.locales.first { $0.tag == .english }?.complete == true)
    }

    @Test func neverServesAnEmptyText() throws {
        var catalog = snapshot.catalog
        catalog.texts = [:]
        let empty = CatalogSnapshot(catalog: catalog, revision: 9)
        let entry = try empty.entry(code: ErrorCode("NoSuchKey"), variant: nil)
        let description = try empty.describe(entry, negotiation: negotiation("zh-Hans"))
        #expect(description.message == "The specified key does not exist.")
        #expect(description.remediation == "NoSuchKey")
        #expect(description.fallback)
    }

    @Test func emptyPlaceholderValuesNeverEmptyTheAnswer() throws {
        var catalog = snapshot.catalog
        let index = try #require(catalog.entries.firstIndex { $0.code == ErrorCode("EntityTooLarge") })
        catalog.entries[index].parameters = ["maxObjectSize": ""]
        for locale in catalog.locales.map(\.tag) {
            catalog.texts[TextKey(entry: catalog.entries[index].key, locale: locale, field: .message)] = "{maxObjectSize}"
        }
        let odd = CatalogSnapshot(catalog: catalog, revision: 10)
        let description = try odd.describe(catalog.entries[index], negotiation: negotiation("en"))
        #expect(description.message == catalog.entries[index].serviceMessage)
        let given = try odd.describe(catalog.entries[index], negotiation: negotiation("en"), parameters: ["maxObjectSize": " "])
        #expect(!given.message.allSatisfy { $0.isWhitespace })
    }

    @Test func filtersListings() {
        let all = snapshot.describeAll(negotiation: negotiation("en"))
        #expect(all.count == 125)
        let notFound = snapshot.describeAll(negotiation: negotiation("en"), httpStatus: 404)
        #expect(!notFound.isEmpty && notFound.allSatisfy { $0.httpStatus == 404 })
        let auth = snapshot.describeAll(negotiation: negotiation("en"), category: ErrorCategory("auth"))
        #expect(!auth.isEmpty && auth.allSatisfy { $0.category.rawValue == "auth" })
    }
}
