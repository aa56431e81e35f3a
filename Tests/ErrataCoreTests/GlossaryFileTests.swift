import ErrataCore
import Foundation
import Testing

/// Reading `glossary.json`: strict checks that name the place, and a directory without one.
@Suite struct GlossaryFileTests {
    static let locales: Set<LanguageTag> = [.english, LanguageTag(rawValue: "zh-Hans")!]

    /// The error reading a file of these concepts gives, `nil` when it reads.
    func error(concepts: String, formatVersion: Int = 1) -> String? {
        do {
            _ = try Glossary(document: Data(#"{"formatVersion": \#(formatVersion), "concepts": [\#(concepts)]}"#.utf8), locales: Self.locales)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsConceptsInFileOrder() throws {
        let document = Data(#"{"formatVersion": 1, "concepts": [{"id": "object", "description": "A blob.", "terms": {"en": {"term": "object", "avoid": ["file"]}, "zh-hans": {"term": "对象"}}}, {"id": "bucket", "description": "A container.", "terms": {}}]}"#.utf8)
        let glossary = try Glossary(document: document, locales: Self.locales)
        #expect(glossary.concepts.map(\.id) == ["object", "bucket"])
        #expect(glossary.concepts[0].terms == [.english: .init(term: "object", avoid: ["file"]), LanguageTag(rawValue: "zh-Hans")!: .init(term: "对象", avoid: [])])
        #expect(glossary.document == document)
    }

    @Test func refusesAnUnknownLocale() {
        #expect(error(concepts: #"{"id": "object", "description": "A blob.", "terms": {"fr": {"term": "objet"}}}"#)
            == "concepts[0].terms.fr: fr is not a locale of the catalog")
        #expect(error(concepts: #"{"id": "object", "description": "A blob.", "terms": {"not a tag": {"term": "x"}}}"#)
            == "concepts[0].terms.not a tag: not a BCP 47 language tag")
    }

    @Test func refusesADuplicateOrMalformedID() {
        let object = #"{"id": "object", "description": "A blob.", "terms": {}}"#
        #expect(error(concepts: "\(object), \(object)") == #"concepts[1].id: "object" is used twice"#)
        #expect(error(concepts: #"{"id": "Object_Key", "description": "A name.", "terms": {}}"#) == #"concepts[0].id: "Object_Key" is not lower-kebab-case"#)
    }

    @Test func refusesEmptyOrPaddedTermsAndVariants() {
        #expect(error(concepts: #"{"id": "object", "description": "A blob.", "terms": {"en": {"term": ""}}}"#) == "concepts[0].terms.en.term: empty")
        #expect(error(concepts: #"{"id": "object", "description": "A blob.", "terms": {"en": {"term": "object", "avoid": ["file", ""]}}}"#)
            == "concepts[0].terms.en.avoid[1]: empty")
        #expect(error(concepts: #"{"id": "object", "description": "A blob.", "terms": {"en": {"term": "object", "avoid": ["object"]}}}"#)
            == #"concepts[0].terms.en.avoid[0]: "object" is the term itself"#)
        #expect(error(concepts: #"{"id": "object", "description": " A blob.", "terms": {}}"#) == #"concepts[0].description: " A blob." starts or ends with whitespace"#)
    }

    @Test func refusesAnotherFormatVersionOrAMissingMember() {
        #expect(error(concepts: "", formatVersion: 2) == "formatVersion: 2; this build reads formatVersion 1")
        #expect(error(concepts: #"{"id": "object", "terms": {}}"#) == "concepts[0].description: missing")
    }

    @Test func aDirectoryWithoutAGlossaryHasNone() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glossary-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = LocalizationsDirectory(url: directory)
        try files.write(try LocalizationsDirectory(url: RepositoryFiles.localizations).load())
        #expect(try files.loadGlossary(locales: [LocaleInfo(tag: .english, name: "English")]) == nil)
    }

    @Test func aBadGlossaryFileIsAnErrorNamingTheFileAndPlace() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glossary-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = LocalizationsDirectory(url: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(#"{"formatVersion": 1, "concepts": [{"id": "object", "description": "A blob.", "terms": {"en": {"term": ""}}}]}"#.utf8).write(to: files.glossaryURL)
        #expect(throws: CatalogFileError.malformed(file: files.glossaryURL.path, reason: "concepts[0].terms.en.term: empty")) {
            try files.loadGlossary(locales: [LocaleInfo(tag: .english, name: "English")])
        }
    }
}
