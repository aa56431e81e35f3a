import ErrataCore
import ErrataStore
import ErrataTestSupport
import Foundation
import Testing

/// `errata-server backup` and `restore` as an operator runs them, against a database a store has open.
@Suite struct BackupCommandTests {
    /// Every file of an `errata-server export` of `database`, by name.
    func exportedFiles(of database: String, into directory: URL) throws -> [String: Data] {
        let outcome = try ServerCommandTests.run(["export", "--database", database, "--output", directory.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        return try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: directory.appendingPathComponent($0))) })
    }

    func expectOneLineFailure(_ outcome: ServerCommandTests.Outcome, naming: String...) {
        #expect(outcome.status == 2)
        #expect(outcome.standardError.split(separator: "\n").count == 1, "\(outcome.standardError)")
        #expect(outcome.standardError.hasPrefix("errata-server: "))
        for name in naming { #expect(outcome.standardError.contains(name), "\(outcome.standardError)") }
    }

    @Test func backupThenRestoreExportsTheSameCatalog() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        _ = try await service.store.setText(
            TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey")), locale: .english, field: .message),
            text: "Gone.", expected: .anyExisting, author: "test", publishNote: "before the backup"
        )
        let backup = service.directory.appendingPathComponent("backup.sqlite").path
        let made = try ServerCommandTests.run(["backup", "--database", service.databasePath, "--output", backup])
        #expect(made.status == 0, "\(made.standardError)")

        // The live database is open in this process: restoring over it is refused and changes nothing.
        expectOneLineFailure(try ServerCommandTests.run(["restore", backup, "--database", service.databasePath]), naming: "errata.sqlite", "in use")

        let restored = service.directory.appendingPathComponent("restored.sqlite").path
        let restore = try ServerCommandTests.run(["restore", backup, "--database", restored])
        #expect(restore.status == 0, "\(restore.standardError)")
        let original = try exportedFiles(of: service.databasePath, into: service.directory.appendingPathComponent("original"))
        #expect(!original.isEmpty)
        #expect(try exportedFiles(of: restored, into: service.directory.appendingPathComponent("restored")) == original)
    }

    @Test func restoreOverAKilledServersDatabaseDropsItsLog() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-restore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("errata.sqlite").path
        let token = try await CatalogStore(path: database, logger: TestService.logger).createToken(name: "editor", scope: .publish)
        let server = try await ServerProcess(database: database, localizations: TestService.localizations)
        defer { if server.process.isRunning { server.kill() } }

        let backup = directory.appendingPathComponent("backup.sqlite").path
        let made = try ServerCommandTests.run(["backup", "--database", database, "--output", backup])
        #expect(made.status == 0, "\(made.standardError)")
        let published = try await HTTPJSONClient(baseURL: server.baseURL, token: token).call("admin.setText", [
            "code": "NoSuchKey", "locale": "en", "field": "message", "text": "Published after the backup.",
            "expectedVersion": 1, "publish": true,
        ])
        #expect(published["result"]?["publishedRevision"] == 2)
        server.kill()
        // The publish is in the log the killed server left: copying the backup over the file alone would replay it.
        let log = try FileManager.default.attributesOfItem(atPath: database + "-wal")[.size] as? Int
        #expect((log ?? 0) > 0)

        let restore = try ServerCommandTests.run(["restore", backup, "--database", database])
        #expect(restore.status == 0, "\(restore.standardError)")
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))
        let restored = try exportedFiles(of: database, into: directory.appendingPathComponent("restored"))
        #expect(try exportedFiles(of: backup, into: directory.appendingPathComponent("backup")) == restored)
        #expect(!restored.values.contains { String(decoding: $0, as: UTF8.self).contains("Published after the backup.") })
    }

    @Test func backupRefusesToOverwriteUnlessForced() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let backup = service.directory.appendingPathComponent("backup.sqlite")
        try Data("an older backup".utf8).write(to: backup)

        expectOneLineFailure(try ServerCommandTests.run(["backup", "--database", service.databasePath, "--output", backup.path]), naming: "backup.sqlite", "--force")
        #expect(try Data(contentsOf: backup) == Data("an older backup".utf8))

        let forced = try ServerCommandTests.run(["backup", "--database", service.databasePath, "--output", backup.path, "--force"])
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(try Data(contentsOf: backup) != Data("an older backup".utf8))
    }

    @Test func missingFilesAreNamed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.sqlite").path
        let output = directory.appendingPathComponent("backup.sqlite").path

        expectOneLineFailure(try ServerCommandTests.run(["backup", "--database", missing, "--output", output]), naming: "missing.sqlite")
        #expect(!FileManager.default.fileExists(atPath: missing), "a backup never creates the database it copies")
        #expect(!FileManager.default.fileExists(atPath: output))

        let target = directory.appendingPathComponent("target.sqlite").path
        expectOneLineFailure(try ServerCommandTests.run(["restore", missing, "--database", target]), naming: "missing.sqlite")
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
