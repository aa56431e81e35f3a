public import ErrataCore
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
    /// // delta.changes: the texts published since, oldest first
    /// ```
    ///
    /// - Parameter revision: The published revision the caller has.
    /// - Returns: The changes, or `nil` for a database with no catalog yet.
    public func publishedDelta(after revision: Int) async throws -> PublishedDelta? {
        try await pool.read { db in
            guard let current = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM revision") else { return nil }
            let localeTags = try String.fetchAll(db, sql: "SELECT tag FROM locale ORDER BY position")
            let changes = try Row.fetchAll(db, sql: """
                SELECT e.code, e.variant, c.locale, c.field, c.newValue, c.revision
                FROM textChange c JOIN entry e ON e.id = c.entryId
                WHERE c.revision > ? ORDER BY c.revision, c.id
                """, arguments: [revision]).map { row -> TextChange in
                    TextChange(key: try Self.textKey(row), text: row["newValue"], revision: row["revision"])
                }
            let needsReview = try Row.fetchAll(db, sql: """
                SELECT e.code, e.variant, t.locale, t.field
                FROM text t JOIN entry e ON e.id = t.entryId
                WHERE t.state != 'translated'
                """).map(Self.textKey)
            return PublishedDelta(
                revision: current,
                historyFloor: try Setting.compactedThrough.value(db),
                localeTags: try localeTags.map(LanguageTag.stored),
                changes: changes,
                needsReview: Set(needsReview)
            )
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
public struct PublishedDelta: Sendable {
    /// The newest published revision.
    public var revision: Int
    /// History was compacted through this revision.
    public var historyFloor: Int
    /// The catalog's locales, in order; when they differ from the caller's, a full reload is due.
    public var localeTags: [LanguageTag]
    /// Every text change published after the caller's revision, oldest first.
    public var changes: [TextChange]
    /// Every text whose state is `needs_review` now.
    public var needsReview: Set<TextKey>

    /// A delta as read from a store (or made up by a benchmark).
    public init(revision: Int, historyFloor: Int, localeTags: [LanguageTag], changes: [TextChange], needsReview: Set<TextKey>) {
        self.revision = revision
        self.historyFloor = historyFloor
        self.localeTags = localeTags
        self.changes = changes
        self.needsReview = needsReview
    }
}
