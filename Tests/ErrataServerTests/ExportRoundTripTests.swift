import ErrataCore
import Foundation
import Testing

/// `errata-server import` then `export` gives the files back byte for byte, notes for translators included.
@Suite struct ExportRoundTripTests {
    /// `catalog.json` and `Errors.xcstrings` as `errata-server export` writes them from `database`.
    func exportedFiles(of database: String, into directory: URL) throws -> [Data] {
        let outcome = try ServerCommandTests.run(["export", "--database", database, "--output", directory.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return try Self.files(in: LocalizationsDirectory(url: directory))
    }

    static func files(in directory: LocalizationsDirectory) throws -> [Data] {
        [try Data(contentsOf: directory.manifestURL), try Data(contentsOf: directory.stringCatalogURL)]
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
    }

    @Test func notesAnImportChangedAreExportedAsTheFilesHadThem() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        var catalog = try LocalizationsDirectory(url: TestService.localizations).load()
        let index = try #require(catalog.entries.firstIndex { $0.code == ErrorCode("EntityTooLarge") })
        catalog.entries[index].comments = [.message: "The title of the upload error.", .remediation: "Says how to upload a larger file."]
        catalog.entries[index].parameterNotes["maxObjectSize"] = "The largest single upload, such as “5 GiB”."
        let files = LocalizationsDirectory(url: service.directory.appendingPathComponent("annotated"))
        try files.write(catalog, revision: 1)

        let imported = try ServerCommandTests.run(["import", files.url.path, "--database", service.databasePath])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput == "staged 0 texts in the draft\nupdated the notes for translators of 1 entry\n")
        let exported = try exportedFiles(of: service.databasePath, into: service.directory.appendingPathComponent("exported"))
        #expect(exported == (try Self.files(in: files)))
    }
}
