import ErrataCore
import ErrataStore
import Foundation
import GRDB
import Testing

/// Notes for translators in the store: kept with the entries through the first import, changed by later
/// imports at once (never drafted), read back with the published catalog and the overview.
@Suite struct TranslatorNotesTests {
    typealias Fixture = StoreFixture

    static let tooLarge = EntryKey(code: ErrorCode("EntityTooLarge"))
    static let tooManyParts = EntryKey(code: ErrorCode("TooManyParts"))
    static let keyTooLong = EntryKey(code: ErrorCode("KeyTooLong"))

    static func entry(_ key: EntryKey, in catalog: Catalog) throws -> CatalogEntry {
        try #require(catalog.entries.first { $0.key == key })
    }

    static func index(_ key: EntryKey, in catalog: Catalog) throws -> Int {
        try #require(catalog.entries.firstIndex { $0.key == key })
    }

    @Test func theFirstImportKeepsNotesForThePublishedCatalogAndTheOverview() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        var annotated = fixture.seed
        annotated.entries[try Self.index(Self.tooLarge, in: annotated)].comments = [.message: "The title of the upload error.", .remediation: "Two lines:\nhere."]
        let store = try CatalogStore(path: fixture.directory.appendingPathComponent("annotated.sqlite").path, logger: Fixture.logger)
        try await store.importInitialCatalog(annotated, note: "seed")

        let published = try #require(try await store.publishedCatalog())
        #expect(published.catalog == annotated)
        let overview = try await store.overview()
        let entry = try #require(overview.entries.first { $0.entry.key == Self.tooLarge }?.entry)
        #expect(entry.comments == [.message: "The title of the upload error.", .remediation: "Two lines:\nhere."])
        #expect(entry.parameterNotes["maxObjectSize"]?.isEmpty == false)
    }

    @Test func anImportChangesNotesAtOnceWithoutADraftOrARevision() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        var files = fixture.seed
        let tooLarge = try Self.index(Self.tooLarge, in: files)
        files.entries[tooLarge].comments[.message] = "The title of the upload error."
        files.entries[try Self.index(Self.tooManyParts, in: files)].parameterNotes["maxPartNumber"] = "A plain number."
        files.entries[try Self.index(Self.keyTooLong, in: files)].parameterNotes = [:]
        // A placeholder added in the files: an import does not add defaults, so its note has nowhere to go.
        files.entries[tooLarge].parameters["minPartSize"] = "5 MiB"
        files.entries[tooLarge].parameterNotes["minPartSize"] = "Not stored."

        let report = try await fixture.store.importDraft(files, baseRevision: 1, author: "import")
        #expect(report.notesChanged == [Self.tooLarge, Self.tooManyParts, Self.keyTooLong])
        #expect(report.staged.isEmpty && report.conflicts.isEmpty)
        #expect(try await fixture.store.draft().isEmpty)
        #expect(try await fixture.store.currentRevision() == 1)

        let stored = try #require(try await fixture.store.publishedCatalog()).catalog
        #expect(try Self.entry(Self.tooLarge, in: stored).comments == [.message: "The title of the upload error."])
        #expect(try Self.entry(Self.tooLarge, in: stored).parameterNotes == fixture.seed.entries[tooLarge].parameterNotes)
        #expect(try Self.entry(Self.tooLarge, in: stored).parameters == ["maxObjectSize": "5 GiB"])
        #expect(try Self.entry(Self.tooManyParts, in: stored).parameterNotes == ["maxPartNumber": "A plain number."])
        #expect(try Self.entry(Self.keyTooLong, in: stored).parameterNotes.isEmpty)

        // The same files again change nothing.
        #expect(try await fixture.store.importDraft(files, baseRevision: 1, author: "import").notesChanged.isEmpty)
    }

    @Test func anImportWithBadNotesIsRefusedWhole() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        var files = fixture.seed
        files.entries[try Self.index(Self.tooLarge, in: files)].comments[.remediation] = " "
        let error = await #expect(throws: StoreError.self) {
            try await fixture.store.importDraft(files, baseRevision: 1, author: "import")
        }
        #expect(error?.description == "the catalog is invalid (1 problem): the comment of EntityTooLarge.remediation starts or ends with whitespace")
        #expect(try await fixture.store.publishedCatalog()?.catalog == fixture.seed)
    }

    @Test func aSchemaV5DatabaseUpgradesWithoutNotesAndAnImportAddsThem() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let path = fixture.directory.appendingPathComponent("errata.sqlite").path
        // Back to what schema v5 wrote: no notes columns.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: """
                ALTER TABLE entry DROP COLUMN comments;
                ALTER TABLE entry DROP COLUMN parameterNotes;
                DELETE FROM grdb_migrations WHERE identifier = 'v6';
                """)
        }
        try queue.close()

        let store = try CatalogStore(path: path, logger: Fixture.logger)
        let upgraded = try #require(try await store.publishedCatalog()).catalog
        #expect(upgraded.entries == fixture.seed.entries.map(\.withoutNotes))
        #expect(upgraded.texts == fixture.seed.texts)
        let report = try await store.importDraft(fixture.seed, baseRevision: 1, author: "import")
        #expect(report.notesChanged.count == 6 && report.staged.isEmpty)
        #expect(try await store.publishedCatalog()?.catalog == fixture.seed)
    }
}
