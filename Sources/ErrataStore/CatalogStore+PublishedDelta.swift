package import ErrataCore
import GRDB

extension CatalogStore {
    /// What was published after `revision`, read in one consistent snapshot of the database.
    ///
    /// A server that serves `revision` brings its snapshot up to date with this instead of
    /// reading the whole catalog again: the cost follows the size of the change, not of the catalog.
    ///
    /// For example:
    ///
    /// ```swift
    /// let delta = try await store.publishedDelta(after: served.revision)
    /// // delta.changes: the texts and review states published since, oldest first
    /// ```
    ///
    /// - Parameter revision: The published revision the caller has.
    /// - Returns: The changes, or `nil` for a database with no catalog yet.
    package func publishedDelta(after revision: Int) async throws -> PublishedDelta? {
        try await pool.read { db -> PublishedDelta? in
            guard let current = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM revision") else { return nil }
            let locales = try LocaleRecord.catalogLocales(db)
            let changes = try Row.fetchAll(db, sql: """
                SELECT e.code, e.variant, c.locale, c.field, c.newValue, c.state, c.revision
                FROM textChange c JOIN entry e ON e.id = c.entryId
                WHERE c.revision > ? ORDER BY c.revision, c.id
                """, arguments: [revision]).map { row -> TextChange in
                    TextChange(key: try Self.textKey(row), text: row["newValue"], state: TranslationState(rawValue: row["state"]), revision: row["revision"])
                }
            return PublishedDelta(revision: current, historyFloor: try Setting.feedFloor(db), locales: locales, changes: changes)
        }
    }

    /// The text key of a row with `code`, `variant`, `locale` and `field` columns.
    private static func textKey(_ row: Row) throws -> TextKey {
        let variant: String = row["variant"]
        guard let locale = LanguageTag(rawValue: row["locale"]), let field = TextField(rawValue: row["field"]) else {
            throw StoreError.corrupt("text (\(row["code"] as String), \(row["locale"] as String), \(row["field"] as String)) is not well-formed")
        }
        return TextKey(entry: EntryKey(storedCode: row["code"], variant: variant), locale: locale, field: field)
    }
}

/// What was published after a given revision: the input of an incremental reload.
package struct PublishedDelta: Sendable {
    /// The newest published revision.
    package var revision: Int
    /// The delta feed starts after this revision.
    package var historyFloor: Int
    /// The catalog's locales, in order.
    package var locales: [LocaleInfo]
    /// Every change of a text's value or review state published after the caller's revision, oldest first.
    package var changes: [TextChange]

    /// A delta as read from a store (or made up by a benchmark).
    package init(revision: Int, historyFloor: Int, locales: [LocaleInfo], changes: [TextChange]) {
        self.revision = revision
        self.historyFloor = historyFloor
        self.locales = locales
        self.changes = changes
    }

    /// The tags of ``locales``, in order.
    package var localeTags: [LanguageTag] { locales.map(\.tag) }
}
