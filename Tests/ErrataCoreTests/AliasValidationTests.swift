import ErrataCore
import Testing

/// What `CatalogValidator` refuses in aliases and origins, and how a snapshot resolves aliases and picks generic answers.
@Suite struct AliasValidationTests {
    static func entry(_ code: String, _ variant: String? = nil, aliases: [String] = [], origin: EntryOrigin = .service) -> CatalogEntry {
        CatalogEntry(
            key: EntryKey(code: ErrorCode(code), variant: variant.map { VariantName($0) }), httpStatus: 404,
            serviceMessage: "\(code) \(variant ?? "")", category: ErrorCategory("bucket"), retry: .never, fault: .client,
            origin: origin, aliases: aliases.map { ErrorCode($0) }
        )
    }

    static func problems(_ entries: [CatalogEntry]) -> [CatalogProblem] {
        CatalogValidator.problems(in: Catalog(locales: [LocaleInfo(tag: .english, name: "English")], entries: entries, texts: [:]))
            .filter { if case .missingText = $0 { false } else { true } }
    }

    @Test func aliasesMustBeWellFormedUniqueAndNotCodes() {
        #expect(Self.problems([Self.entry("NotSuchBucketPolicy", aliases: ["NoSuchBucketPolicy"])]).isEmpty)
        #expect(Self.problems([Self.entry("A", aliases: ["No Such"])]) == [.malformedAlias(EntryKey(code: ErrorCode("A")), ErrorCode("No Such"))])
        #expect(Self.problems([Self.entry("A", aliases: ["B"]), Self.entry("B")]) == [.aliasIsACode(EntryKey(code: ErrorCode("A")), ErrorCode("B"))])
        #expect(Self.problems([Self.entry("A", aliases: ["C"]), Self.entry("B", aliases: ["C"])])
            == [.duplicateAlias(EntryKey(code: ErrorCode("B")), ErrorCode("C"), owner: ErrorCode("A"))])
        let variants = [Self.entry("A", "one", aliases: ["C"]), Self.entry("A", "two")]
        #expect(Self.problems(variants) == [.inconsistentAliases(EntryKey(code: ErrorCode("A"), variant: VariantName("two")))])
    }

    @Test func onlyTheGenericAnswersHaveOriginGeneric() {
        #expect(Self.problems([Self.entry("UnrecognizedError", "client", origin: .generic)]).isEmpty)
        #expect(Self.problems([Self.entry("NoSuchKey", origin: .generic)]).count == 1)
        #expect(Self.problems([Self.entry("UnrecognizedError", "client", origin: .s3)]).count == 1)
    }

    @Test func aSnapshotResolvesAnAliasToEveryVariantOfItsCode() throws {
        let catalog = Catalog(
            locales: [LocaleInfo(tag: .english, name: "English")],
            entries: [Self.entry("A", "one", aliases: ["Alias"]), Self.entry("A", "two", aliases: ["Alias"])], texts: [:]
        )
        let snapshot = CatalogSnapshot(catalog: catalog, revision: 1)
        #expect(try snapshot.entry(code: ErrorCode("Alias"), variant: VariantName("two")).key == EntryKey(code: ErrorCode("A"), variant: VariantName("two")))
        #expect(try snapshot.matchEntry(code: ErrorCode("Alias"), serviceMessage: "a two").variant == VariantName("two"))
        #expect(throws: CatalogLookupError.unknownVariant(ErrorCode("A"), VariantName("three"), available: [VariantName("one"), VariantName("two")])) {
            try snapshot.entry(code: ErrorCode("Alias"), variant: VariantName("three"))
        }
        let negotiation = snapshot.negotiator.negotiate(explicit: "en", acceptLanguage: nil)
        let description = try snapshot.describe(try snapshot.entry(code: ErrorCode("Alias"), variant: nil), negotiation: negotiation, requestedCode: ErrorCode("Alias"))
        #expect(description.code == ErrorCode("A") && description.requestedCode == ErrorCode("Alias"))
    }

    @Test(arguments: [
        (401, ["permission", "client"]), (403, ["permission", "client"]), (404, ["missing", "client"]), (409, ["conflict", "client"]),
        (429, ["throttling", "client"]), (503, ["throttling", "server"]), (500, ["server"]), (504, ["server"]), (206, ["server"]),
        (400, ["client"]), (416, ["client"]), (302, ["client"]),
    ])
    func theStatusClassPicksTheGenericVariant(status: Int, variants: [String]) {
        #expect(GenericAnswer.variants(forStatus: status).map(\.rawValue) == variants)
    }

    @Test func noStatusIsAClientError() {
        #expect(GenericAnswer.variants(forStatus: nil).map(\.rawValue) == ["client"])
    }
}
