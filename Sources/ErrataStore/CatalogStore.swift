package import ErrataCore
import Foundation
import GRDB
package import Logging

/// The SQLite database that is Errata's source of truth at run time.
///
/// A `DatabasePool` in WAL mode: readers never block the writer. Every write is one
/// `BEGIN IMMEDIATE` transaction, acknowledged only after `COMMIT`, with `synchronous = FULL`
/// so that an acknowledged publish survives power loss, not just a process crash.
///
/// For example:
///
/// ```swift
/// let store = try CatalogStore(path: "errata.sqlite", logger: logger)
/// if try await store.currentRevision() == nil {
///     try await store.importInitialCatalog(catalog, note: "Imported from Localizations/")
/// }
/// let published = try await store.publishedCatalog()
/// ```
package final class CatalogStore: Sendable {
    let pool: DatabasePool
    let logger: Logger

    /// Opens (creating if needed) and migrates the database at `path`.
    ///
    /// - Parameters:
    ///   - path: The SQLite file; its directory must exist.
    ///   - logger: Where the store logs.
    /// - Throws: A `DatabaseError` when the file cannot be opened or migrated.
    package init(path: String, logger: Logger) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        self.pool = try DatabasePool(path: path, configuration: configuration)
        self.logger = logger
        try CatalogMigrations.migrator.migrate(pool)
    }

    // MARK: - Revisions

    /// The newest published revision, or `nil` for a database with no catalog yet.
    package func currentRevision() async throws -> Int? {
        try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT MAX(number) FROM revision")
        }
    }

    /// Published revisions, newest first.
    package func revisions() async throws -> [RevisionInfo] {
        try await pool.read { db in
            try RevisionRecord.order(Column("number").desc).fetchAll(db).map {
                RevisionInfo(number: $0.number, createdAt: $0.createdAt, note: $0.note, author: $0.author)
            }
        }
    }

    // MARK: - Import

    /// Stores a whole catalog as revision 1 of an empty database.
    ///
    /// - Parameters:
    ///   - catalog: A catalog that passes ``CatalogValidator``.
    ///   - glossary: Its glossary, `nil` when it has none.
    ///   - note: The revision's note.
    /// - Returns: The new revision number, 1.
    /// - Throws: ``StoreError`` when the database already holds a catalog or the catalog is invalid.
    @discardableResult
    package func importInitialCatalog(_ catalog: Catalog, glossary: Glossary? = nil, note: String) async throws -> Int {
        let problems = CatalogValidator.problems(in: catalog)
        guard problems.isEmpty else { throw StoreError.invalidCatalog(problems.map(\.description)) }
        let revision = try await pool.write { db -> Int in
            guard try RevisionRecord.fetchCount(db) == 0 else { throw StoreError.notEmpty }
            try insertCatalog(catalog, revision: 1, note: note, db: db)
            _ = try Self.replaceGlossary(with: glossary, db: db)
            return 1
        }
        logger.info("Imported catalog", metadata: [
            "revision": "\(revision)", "entries": "\(catalog.entries.count)", "texts": "\(catalog.texts.count)",
        ])
        return revision
    }

    /// Inserts `catalog` into an empty database as the published `revision`, every text's change recorded under it.
    func insertCatalog(_ catalog: Catalog, revision: Int, note: String, db: Database) throws {
        try RevisionRecord(number: revision, createdAt: Date(), note: note, author: nil).insert(db)
        for (position, locale) in catalog.locales.enumerated() {
            try LocaleRecord(tag: locale.tag.rawValue, name: locale.name, position: position, isSource: locale.tag == catalog.sourceLocale).insert(db)
        }
        try RetryPolicyRecord.insert(catalog.retryPolicies, db)
        var entryIDs: [EntryKey: Int64] = [:]
        for (position, entry) in catalog.entries.enumerated() {
            var record = try EntryRecord(entry, position: position)
            try record.insert(db)
            entryIDs[entry.key] = record.id
        }
        for key in catalog.texts.keys.sorted() {
            guard let entryID = entryIDs[key.entry], let value = catalog.texts[key] else { continue }
            let state = catalog.needsReview.contains(key) ? TranslationState.needsReview : .translated
            try TextRecord(
                entryId: entryID, locale: key.locale.rawValue, field: key.field.rawValue,
                value: value, state: state.rawValue, revision: revision
            ).insert(db)
            var change = TextChangeRecord(
                id: nil, revision: revision, entryId: entryID, locale: key.locale.rawValue,
                field: key.field.rawValue, oldValue: nil, newValue: value, state: state.rawValue
            )
            try change.insert(db)
        }
    }

    // MARK: - Reading the published catalog

    /// The newest published catalog, read in one consistent snapshot of the database.
    ///
    /// - Returns: The catalog and its revision, or `nil` for a database with no catalog yet.
    package func publishedCatalog() async throws -> PublishedCatalog? {
        try await pool.read { db in
            guard let revision = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM revision") else { return nil }
            let locales = try LocaleRecord.catalogLocales(db)
            let entryRecords = try EntryRecord.order(Column("position")).fetchAll(db)
            let keysByID = Dictionary(uniqueKeysWithValues: entryRecords.map { ($0.id!, $0.key) })
            func textKey(entryID: Int64, locale: String, field: String) throws -> TextKey {
                guard let entry = keysByID[entryID], let locale = LanguageTag(rawValue: locale), let field = TextField(rawValue: field) else {
                    throw StoreError.corrupt("text (\(entryID), \(locale), \(field)) matches no entry")
                }
                return TextKey(entry: entry, locale: locale, field: field)
            }
            // `text.revision` is the revision of the value; the change log knows when a review state alone
            // changed (few rows, found through the `textChange_stateOnly` index).
            let floor = try Setting.feedFloor(db)
            var stateRevisions: [TextKey: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT entryId, locale, field, revision FROM textChange WHERE oldValue IS newValue AND revision > ?
                """, arguments: [floor]) {
                let key = try textKey(entryID: row["entryId"], locale: row["locale"], field: row["field"])
                stateRevisions[key] = max(stateRevisions[key] ?? 0, row["revision"])
            }
            var texts: [TextKey: String] = [:]
            texts.reserveCapacity(entryRecords.count * locales.count * TextField.allCases.count)
            var needsReview: Set<TextKey> = []
            var textRevisions: [TextRevision] = []
            for record in try TextRecord.fetchAll(db) {
                let key = try textKey(entryID: record.entryId, locale: record.locale, field: record.field)
                texts[key] = record.value
                if record.state != TranslationState.translated.rawValue { needsReview.insert(key) }
                let revision = stateRevisions.isEmpty ? record.revision : max(record.revision, stateRevisions[key] ?? 0)
                if revision > floor { textRevisions.append(TextRevision(key: key, revision: revision)) }
            }
            let catalog = Catalog(
                sourceLocale: try EditingContext(db: db).sourceLocale(),
                locales: locales,
                entries: try entryRecords.map { try $0.catalogEntry() },
                texts: texts,
                needsReview: needsReview,
                retryPolicies: try RetryPolicyRecord.catalogPolicies(db)
            )
            return PublishedCatalog(catalog: catalog, revision: revision, historyFloor: floor, textRevisions: textRevisions)
        }
    }
}

extension CatalogStore {
    /// SQLite's own consistency check of the database file.
    ///
    /// - Returns: `["ok"]` for a sound database, else the problems SQLite found.
    package func integrityCheck() async throws -> [String] {
        try await pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// The `synchronous` setting in force: 2 is FULL.
    package func synchronousSetting() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }
}
