import ErrataCore
import ErrataStore
import Foundation
import GRDB
import Testing

/// A database written before history recorded review states (schema v4) and the source language (v5)
/// upgrades without losing anything it knew.
@Suite struct UpgradeTests {
    @Test func aSchemaV3DatabaseUpgradesCleanly() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("errata.sqlite").path
        let seed = try LocalizationsDirectory(url: StoreFixture.localizations).load()
        let flagged = Set(StoreFixture.translations(of: "AccessDenied"))
        do {
            let store = try CatalogStore(path: path, logger: StoreFixture.logger)
            try await store.importInitialCatalog(seed, note: "seed")
            _ = try await store.setText(StoreFixture.key("AccessDenied"), text: "Reworded.", expectedVersion: 1, author: nil, publishNote: "2")
        }
        // Back to what schema v3 wrote: no state-only changes, no state or source columns.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: """
                DELETE FROM textChange WHERE oldValue IS newValue;
                DROP INDEX textChange_stateOnly;
                ALTER TABLE textChange DROP COLUMN state;
                ALTER TABLE locale DROP COLUMN isSource;
                DELETE FROM setting WHERE name = 'reviewStatesRecordedAfter';
                DELETE FROM grdb_migrations WHERE identifier IN ('v4', 'v5');
                """)
        }
        try queue.close()

        let store = try CatalogStore(path: path, logger: StoreFixture.logger)
        let published = try #require(try await store.publishedCatalog())
        #expect(published.catalog.sourceLocale == .english)
        #expect(published.catalog.needsReview == flagged)
        // Revision 2 flagged texts without a change row: the delta feed starts after it.
        #expect(published.historyFloor == 2 && published.textRevisions.isEmpty)
        #expect(try await store.publishedDelta(after: 2)?.historyFloor == 2)
        // What a watcher compares with the served catalog names the same floor, so it has nothing to reload.
        #expect(try await store.publishedHead() == PublishedHead(revision: 2, historyFloor: 2))
        // From now on states are recorded: an English edit's flags come back with a revert to it.
        _ = try await store.setText(StoreFixture.key("NoSuchKey"), text: "Reworded too.", expectedVersion: 1, author: nil, publishNote: "3")
        _ = try await store.revert(to: 2, note: "4", author: nil)
        // The upgrade recorded the states texts were in, so a revert to the upgrade's revision keeps its flags.
        #expect(try await store.publishedCatalog()?.catalog.needsReview == flagged)
        _ = try await store.revert(to: 3, note: "5", author: nil)
        #expect(try await store.publishedCatalog()?.catalog.needsReview == flagged.union(StoreFixture.translations(of: "NoSuchKey")))
    }
}
