import ErrataCore
import Foundation
import Testing

/// `errata-server import` then `export` gives the files back byte for byte, notes for translators and glossary included.
@Suite struct ExportRoundTripTests {
    /// `catalog.json` and `Errors.xcstrings` as `errata-server export` writes them from `database`.
    func exportedFiles(of database: String, into directory: URL) throws -> [Data] {
        let outcome = try ServerCommandTests.run(["export", "--database", database, "--output", directory.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return try Self.files(in: LocalizationsDirectory(url: directory))
    }

    /// `catalog.json`, `Errors.xcstrings` and, when the directory has one, `glossary.json`.
    static func files(in directory: LocalizationsDirectory) throws -> [Data] {
        let glossary = try? Data(contentsOf: directory.glossaryURL)
        return [try Data(contentsOf: directory.manifestURL), try Data(contentsOf: directory.stringCatalogURL)] + (glossary.map { [$0] } ?? [])
    }

    /// Writes `catalog` and the repository's glossary into `name` under `service`'s directory, as an export would.
    static func writeFiles(_ catalog: Catalog, named name: String, in service: TestService) throws -> LocalizationsDirectory {
        let files = LocalizationsDirectory(url: service.directory.appendingPathComponent(name))
        try files.write(catalog, revision: 1)
        let repository = LocalizationsDirectory(url: TestService.localizations)
        try files.writeGlossary(try repository.loadGlossary(locales: catalog.locales))
        return files
    }

    @Test func theRepositoryFilesComeBackUnchanged() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let exported = try exportedFiles(of: service.databasePath, into: service.directory.appendingPathComponent("exported"))
        let repository = try Self.files(in: LocalizationsDirectory(url: TestService.localizations))
        // An export names the revision it is (1: the first import), which the hand-written files do not.
        let revisionLine = Data("  \"revision\": 1,\n".utf8)
        #expect(exported[0].range(of: revisionLine) != nil)
        #expect(exported[0].replacing(revisionLine, with: Data()) == repository[0])
        #expect(exported[1] == repository[1])
        #expect(exported.count == 3)
        #expect(exported[2] == repository[2])
    }

    @Test func notesAnImportChangedAreExportedAsTheFilesHadThem() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        var catalog = try LocalizationsDirectory(url: TestService.localizations).load()
        let index = try #require(catalog.entries.firstIndex { $0.code == ErrorCode("EntityTooLarge") })
        catalog.entries[index].comments = [.message: "The title of the upload error.", .remediation: "Says how to upload a larger file."]
        catalog.entries[index].parameterNotes["maxObjectSize"] = "The largest single upload, such as “5 GiB”."
        let files = try Self.writeFiles(catalog, named: "annotated", in: service)

        let imported = try ServerCommandTests.run(["import", files.url.path, "--database", service.databasePath])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput == "staged 0 texts in the draft\nupdated the notes for translators of 1 entry\n")
        let exported = try exportedFiles(of: service.databasePath, into: service.directory.appendingPathComponent("exported"))
        #expect(exported == (try Self.files(in: files)))
    }

    // MARK: - The glossary

    @Test func anImportStoresTheGlossaryAndListsTheWarningsOfTheTextsItStaged() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        var catalog = try LocalizationsDirectory(url: TestService.localizations).load()
        let key = TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey"), variant: nil), locale: LanguageTag(rawValue: "zh-Hant")!, field: .message)
        catalog.texts[key] = "找不到指定的物件鍵。"
        let files = try Self.writeFiles(catalog, named: "edited", in: service)
        // Another glossary: the same concepts, laid out on one line.
        let glossary = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(contentsOf: files.glossaryURL)))
        try glossary.write(to: files.glossaryURL)

        let imported = try ServerCommandTests.run(["import", files.url.path, "--database", service.databasePath])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput == """
            staged 1 text in the draft
            warning: NoSuchKey.message (zh-Hant): “物件鍵” at 6 is a variant to avoid for object-key; the glossary says “物件索引鍵”
            stored the glossary (59 concepts)

            """)
        let exported = try exportedFiles(of: service.databasePath, into: service.directory.appendingPathComponent("exported"))
        #expect(exported.last == glossary)
    }

    @Test func aDirectoryWithoutAGlossaryImportsAndLeavesNone() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let files = LocalizationsDirectory(url: service.directory.appendingPathComponent("old"))
        try files.write(try LocalizationsDirectory(url: TestService.localizations).load(), revision: 1)

        let imported = try ServerCommandTests.run(["import", files.url.path, "--database", service.databasePath])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput == "staged 0 texts in the draft\nremoved the glossary\n")
        let exportDirectory = service.directory.appendingPathComponent("exported")
        #expect(try exportedFiles(of: service.databasePath, into: exportDirectory).count == 2)
        #expect(!FileManager.default.fileExists(atPath: LocalizationsDirectory(url: exportDirectory).glossaryURL.path))
    }

    @Test func aBadGlossaryIsRefusedNamingTheFileAndThePlace() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let files = try Self.writeFiles(try LocalizationsDirectory(url: TestService.localizations).load(), named: "bad", in: service)
        try Data(#"{"formatVersion": 1, "concepts": [{"id": "object", "description": "A blob.", "terms": {"fr": {"term": "objet"}}}]}"#.utf8)
            .write(to: files.glossaryURL)

        let imported = try ServerCommandTests.run(["import", files.url.path, "--database", service.databasePath])
        #expect(imported.status == 2)
        #expect(imported.standardError.contains("\(files.glossaryURL.path) is not a valid catalog file: concepts[0].terms.fr: fr is not a locale of the catalog"))
        #expect(imported.standardOutput.isEmpty)
    }
}
