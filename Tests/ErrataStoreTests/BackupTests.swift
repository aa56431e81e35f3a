import ErrataCore
import ErrataStore
import Foundation
import Testing

/// `CatalogStore.backup(to:)` copies one committed state of a database that is being published to.
@Suite struct BackupTests {
    /// The catalogs a publishing task saw, by revision, and whether it should go on.
    actor PublishLog {
        private(set) var catalogs: [Int: PublishedCatalog] = [:]
        private(set) var stopped = false

        func record(_ published: PublishedCatalog) { catalogs[published.revision] = published }
        func stop() { stopped = true }
    }

    /// Publishes edits of a few texts (source and translation) until told to stop, announcing each revision.
    static func publishRepeatedly(_ store: CatalogStore, log: PublishLog, announce: AsyncStream<Int>.Continuation) async throws {
        defer { announce.finish() }
        let keys = [StoreFixture.key("NoSuchKey"), StoreFixture.key("NoSuchKey", "en", .message), StoreFixture.key("AccessDenied")]
        var edit = 0
        while await !log.stopped {
            edit += 1
            let key = keys[edit % keys.count]
            let (_, published) = try await store.setText(
                key, text: "Edit \(edit) of \(key.entry.code.rawValue)", expected: .anyExisting, author: "publisher", publishNote: "edit \(edit)"
            )
            // The only writer: the catalog read now is the one that revision published.
            let catalog = try #require(try await store.publishedCatalog())
            #expect(catalog.revision == published)
            await log.record(catalog)
            announce.yield(catalog.revision)
        }
    }

    @Test func backupsTakenWhilePublishingAreConsistentAndEqualTheSourceAtTheirRevision() async throws {
        let fixture = try await StoreFixture()
        defer { fixture.remove() }
        let log = PublishLog()
        let (revisions, announce) = AsyncStream.makeStream(of: Int.self)
        let publisher = Task { try await Self.publishRepeatedly(fixture.store, log: log, announce: announce) }
        var announced = revisions.makeAsyncIterator()

        var backups: [(path: String, revision: Int)] = []
        for index in 0..<5 {
            // At least one more publish between backups, so each backup races a publishing writer.
            _ = try #require(await announced.next(), "the publisher stopped")
            let path = fixture.directory.appendingPathComponent("backup-\(index).sqlite").path
            backups.append((path, try #require(try fixture.store.backup(to: path))))
        }
        _ = try #require(await announced.next(), "the publisher stopped")
        await log.stop()
        try await publisher.value

        let sourceRevisions = try await fixture.store.revisions()
        let sourceHistory = try await fixture.store.history(limit: 100_000)
        #expect(sourceRevisions.count > backups.last!.revision, "publishing went on after the last backup")
        for (path, revision) in backups {
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "a backup is one file")
            let copy = try CatalogStore(path: path, logger: StoreFixture.logger)
            defer { try? copy.close() }
            #expect(try await copy.integrityCheck() == ["ok"])
            #expect(try await copy.revisions().map(\.number).sorted() == Array(1...revision))
            #expect(try await copy.revisions() == sourceRevisions.filter { $0.number <= revision })
            #expect(try await copy.history(limit: 100_000) == sourceHistory.filter { $0.revision <= revision })

            let published = try #require(try await copy.publishedCatalog())
            let expected = try #require(await log.catalogs[revision])
            #expect(published.revision == revision)
            #expect(published.catalog == expected.catalog)
            #expect(published.historyFloor == expected.historyFloor)
            #expect(Set(published.textRevisions) == Set(expected.textRevisions))
        }
    }

    @Test func anExistingFileIsKeptUnlessReplacing() async throws {
        let fixture = try await StoreFixture()
        defer { fixture.remove() }
        let path = fixture.directory.appendingPathComponent("backup.sqlite").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))

        #expect(throws: BackupError.destinationExists(path)) { try fixture.store.backup(to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("keep me".utf8))
        #expect(try fixture.store.backup(to: path, replacing: true) == 1)
        #expect(try temporaryFiles(in: fixture.directory).isEmpty)
    }

    @Test func aBackupIntoAMissingDirectoryWritesNothing() async throws {
        let fixture = try await StoreFixture()
        defer { fixture.remove() }
        let path = fixture.directory.appendingPathComponent("nowhere/backup.sqlite").path
        #expect(throws: BackupError.missingDirectory(path)) { try fixture.store.backup(to: path) }
    }

    @Test func restoreReplacesTheDatabaseAndRefusesWhileItIsOpen() async throws {
        let fixture = try await StoreFixture()
        defer { fixture.remove() }
        let backup = fixture.directory.appendingPathComponent("backup.sqlite").path
        try fixture.store.backup(to: backup)
        let target = fixture.directory.appendingPathComponent("target.sqlite").path
        #expect(try CatalogRestore.restore(from: backup, to: target) == 1)

        let restored = try CatalogStore(path: target, logger: StoreFixture.logger)
        _ = try await restored.setText(StoreFixture.key("NoSuchKey"), text: "Later.", expected: .anyExisting, author: nil, publishNote: "after the backup")
        #expect(throws: BackupError.inUse(target)) { try CatalogRestore.restore(from: backup, to: target) }
        try restored.close()

        #expect(try CatalogRestore.restore(from: backup, to: target) == 1)
        #expect(!FileManager.default.fileExists(atPath: target + "-wal"))
        let reopened = try CatalogStore(path: target, logger: StoreFixture.logger)
        defer { try? reopened.close() }
        #expect(try await reopened.publishedCatalog()?.catalog == fixture.store.publishedCatalog()?.catalog)
        #expect(try temporaryFiles(in: fixture.directory).isEmpty)
    }

    @Test func restoreRefusesWhatIsNotACatalogBackup() async throws {
        let fixture = try await StoreFixture()
        defer { fixture.remove() }
        let target = fixture.directory.appendingPathComponent("target.sqlite").path
        let missing = fixture.directory.appendingPathComponent("missing.sqlite").path
        #expect(throws: BackupError.missingBackup(missing)) { try CatalogRestore.restore(from: missing, to: target) }

        let empty = fixture.directory.appendingPathComponent("empty.sqlite").path
        try CatalogStore(path: empty, logger: StoreFixture.logger).close()
        #expect(throws: BackupError.notACatalog(empty)) { try CatalogRestore.restore(from: empty, to: target) }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    /// Files a backup or restore left behind: its temporaries are hidden `.partial` files and their journals.
    func temporaryFiles(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".partial") }
    }
}
