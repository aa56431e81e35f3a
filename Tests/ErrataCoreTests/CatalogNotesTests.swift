import ErrataCore
import Foundation
import Testing

/// Notes for translators in `Localizations/`: text comments in `Errors.xcstrings`, placeholder notes in
/// `catalog.json`, read, validated and written back; left out of the document clients download.
@Suite struct CatalogNotesTests {
    static let key = CatalogValidatorTests.key
    static let note = "The largest object size, with its unit."

    /// The validator tests' catalog with a comment on each field and a note on its placeholder.
    static var annotated: Catalog {
        var catalog = CatalogValidatorTests.catalog(CatalogValidatorTests.valid)
        catalog.entries[0].comments = [.message: "Shown as the title of the upload error.", .remediation: "Line one.\nLine two."]
        catalog.entries[0].parameterNotes = ["maxObjectSize": note]
        return catalog
    }

    static func temporaryDirectory() -> LocalizationsDirectory {
        LocalizationsDirectory(url: FileManager.default.temporaryDirectory.appendingPathComponent("errata-notes-\(UUID().uuidString)"))
    }

    /// A `catalog.json` of one entry whose `parameters` object is `parameters`.
    static func manifest(parameters: String) -> Data {
        Data("""
            {"formatVersion": 1, "sourceLanguage": "en", "locales": [{"tag": "en", "name": "English"}],
             "entries": [{"code": "EntityTooLarge", "variant": null, "httpStatus": 400, "serviceMessage": "Too large.",
                          "category": "upload", "retry": "never", "fault": "client", "parameters": \(parameters)}]}
            """.utf8)
    }

    // MARK: - Files

    @Test func readsADefaultAloneOrWithANote() throws {
        let manifest = try JSONDecoder().decode(
            CatalogManifest.self, from: Self.manifest(parameters: #"{"a": "1", "b": {"default": "2", "note": "Two."}, "c": {"default": "3"}}"#)
        )
        let entry = manifest.entries[0].catalogEntry
        #expect(entry.parameters == ["a": "1", "b": "2", "c": "3"])
        #expect(entry.parameterNotes == ["b": "Two."])
    }

    @Test func aParameterOfAnotherShapeIsAClearError() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory.url) }
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        for (parameters, expected) in [
            (#"{"maxObjectSize": 5}"#, #"entries[0].parameters.maxObjectSize: expected the default value as a string, or an object with "default" and "note""#),
            (#"{"maxObjectSize": {"note": "No default."}}"#, "entries[0].parameters.maxObjectSize.default: missing"),
        ] {
            try Self.manifest(parameters: parameters).write(to: directory.manifestURL)
            #expect(throws: CatalogFileError.malformed(file: directory.manifestURL.path, reason: expected)) {
                try directory.load()
            }
        }
    }

    @Test func writesNotesWhereTheyBelongAndReadsThemBack() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory.url) }
        try directory.write(Self.annotated)
        let manifest = try String(contentsOf: directory.manifestURL, encoding: .utf8)
        #expect(manifest.contains(#""maxObjectSize" : {"#) || manifest.contains(#""maxObjectSize": {"#))
        #expect(manifest.contains(Self.note))
        let strings = try JSONDecoder().decode(StringCatalog.self, from: Data(contentsOf: directory.stringCatalogURL))
        #expect(strings.strings["EntityTooLarge.message"]?.comment == "Shown as the title of the upload error.")
        #expect(strings.strings["EntityTooLarge.remediation"]?.comment == "Line one.\nLine two.")
        #expect(try directory.load() == Self.annotated)
    }

    @Test func aPlaceholderWithoutNoteIsWrittenAsItsDefaultAlone() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory.url) }
        try directory.write(CatalogValidatorTests.catalog(CatalogValidatorTests.valid))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.manifestURL)) as? [String: Any]
        let entries = try #require(manifest?["entries"] as? [[String: Any]])
        #expect(entries[0]["parameters"] as? [String: String] == ["maxObjectSize": "5 GiB"])
    }

    // MARK: - Validation

    @Test func acceptsNotesThatFollowTheRules() {
        #expect(CatalogValidator.problems(in: Self.annotated).isEmpty)
    }

    @Test func reportsBlankLongAndMalformedNotes() {
        var catalog = Self.annotated
        catalog.entries[0].comments = [.message: "", .remediation: " Padded."]
        catalog.entries[0].parameterNotes = ["maxObjectSize": String(repeating: "x", count: NoteRules.maximumLength + 1) + "\t"]
        #expect(CatalogValidator.problems(in: catalog) == [
            .badComment(Self.key, .message, .empty),
            .badComment(Self.key, .remediation, .untrimmed),
            .badParameterNote(Self.key, "maxObjectSize", .untrimmed),
            .badParameterNote(Self.key, "maxObjectSize", .tooLong(maximum: NoteRules.maximumLength)),
            .badParameterNote(Self.key, "maxObjectSize", .controlCharacter),
        ])
        #expect(CatalogValidator.problems(in: catalog).map(\.description).prefix(2) == [
            "the comment of EntityTooLarge.message is empty",
            "the comment of EntityTooLarge.remediation starts or ends with whitespace",
        ])
    }

    @Test func reportsANoteForAPlaceholderWithoutDefault() {
        var catalog = Self.annotated
        catalog.entries[0].parameterNotes["minPartSize"] = "Not a placeholder of this entry."
        #expect(CatalogValidator.problems(in: catalog) == [.noteWithoutParameter(Self.key, "minPartSize")])
        #expect(CatalogValidator.problems(in: catalog)[0].description
            == "entry EntityTooLarge has a note for placeholder {minPartSize} but no default value for it")
    }

    // MARK: - The document clients download

    @Test func theDocumentLeavesNotesOut() throws {
        let document = CatalogDocument(catalog: Self.annotated, revision: 3)
        #expect(document.entries[0].parameters == ["maxObjectSize": CatalogManifest.Parameter(defaultValue: "5 GiB")])
        #expect(document.catalog.entries == Self.annotated.entries.map(\.withoutNotes))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(document)) as? [String: Any]
        let entries = try #require(json?["entries"] as? [[String: Any]])
        #expect(entries[0]["parameters"] as? [String: String] == ["maxObjectSize": "5 GiB"])
    }
}
