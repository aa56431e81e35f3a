import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Testing

/// `errata-server snapshot` writes the document ErrataClient bundles, at the revision its files are.
@Suite struct SnapshotCommandTests {
    func snapshotRevision(of localizations: URL, in directory: URL) throws -> Int {
        let output = directory.appendingPathComponent("snapshot-\(UUID().uuidString).json")
        let outcome = try ServerCommandTests.run(["snapshot", "--localizations", localizations.path, "--output", output.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return try JSONDecoder().decode(CatalogDocument.self, from: Data(contentsOf: output)).revision
    }

    @Test func exportedFilesKeepTheirRevisionAndHandWrittenOnesAreRevisionZero() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        _ = try await service.edits.setText(
            TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey")), locale: .english, field: .message),
            to: "Gone.", expected: .version(1), publish: true, note: "p", by: TestService.root
        )
        let exported = service.directory.appendingPathComponent("Exported")
        let export = try ServerCommandTests.run([
            "export", "--database", service.directory.appendingPathComponent("errata.sqlite").path, "--output", exported.path,
        ])
        #expect(export.status == 0, "\(export.standardError)")

        #expect(try snapshotRevision(of: exported, in: service.directory) == 2)
        #expect(try snapshotRevision(of: TestService.localizations, in: service.directory) == 0)
    }
}
