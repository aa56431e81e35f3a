package import ErrataCore
package import Foundation
import GRDB

extension CatalogStore {
    /// The most history entries one call returns.
    package static let maximumHistoryLimit = 500

    /// Published text changes, newest first.
    ///
    /// Changes of a review state alone (a translation marked reviewed, or marked for review by an edit
    /// of its source text), which the change log records for reverts and the delta feed, are listed
    /// only with `reviewChanges`; otherwise each item changed a text.
    ///
    /// A page never ends inside a revision: when the last revision on it has more changes, they are
    /// all included (so a page can hold more than `limit`), and `before` = the last revision seen
    /// continues exactly where the page stopped.
    ///
    /// - Parameters:
    ///   - code: Only changes of this code.
    ///   - locale: Only changes in this locale.
    ///   - author: Only changes published by the token of this name.
    ///   - reviewChanges: Also list changes of a review state alone.
    ///   - limit: How many at least, when there are that many (1…``maximumHistoryLimit``).
    ///   - before: Only changes published before this revision, for paging.
    package func history(
        code: ErrorCode? = nil, locale: LanguageTag? = nil, author: String? = nil, reviewChanges: Bool = false, limit: Int = 50, before: Int? = nil
    ) async throws -> [HistoryItem] {
        try await pool.read { db in
            var conditions = [reviewChanges ? "1" : "c.oldValue IS NOT c.newValue"]
            var arguments: StatementArguments = []
            if let code {
                conditions.append("e.code = ?")
                arguments += [code.rawValue]
            }
            if let locale {
                conditions.append("c.locale = ?")
                arguments += [locale.rawValue]
            }
            if let author {
                conditions.append("r.author = ?")
                arguments += [author]
            }
            if let before {
                conditions.append("c.revision < ?")
                arguments += [before]
            }
            let filter = "WHERE " + conditions.joined(separator: " AND ")
            let limit = min(max(limit, 1), Self.maximumHistoryLimit)
            // The revisions of the first `limit` changes, then every change of those revisions.
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.revision, r.createdAt, r.author, r.note, e.code, e.variant, c.locale, c.field, c.oldValue, c.newValue, c.state
                FROM textChange c JOIN revision r ON r.number = c.revision JOIN entry e ON e.id = c.entryId
                \(filter) AND c.revision >= COALESCE((
                    SELECT MIN(revision) FROM (
                        SELECT c.revision FROM textChange c JOIN revision r ON r.number = c.revision JOIN entry e ON e.id = c.entryId \(filter)
                        ORDER BY c.revision DESC, c.id DESC LIMIT \(limit)
                    )
                ), 0)
                ORDER BY c.revision DESC, c.id DESC
                """, arguments: arguments + arguments)
            return rows.compactMap { row in
                let entry = EntryKey(storedCode: row["code"], variant: row["variant"])
                guard let locale = LanguageTag(rawValue: row["locale"]), let field = TextField(rawValue: row["field"]) else { return nil }
                return HistoryItem(
                    revision: row["revision"], createdAt: row["createdAt"], author: row["author"], note: row["note"],
                    code: entry.code, variant: entry.variant,
                    locale: locale, field: field, oldText: row["oldValue"], newText: row["newValue"],
                    state: TranslationState(rawValue: row["state"])
                )
            }
        }
    }

    /// Forgets superseded history older than the newest `keep` revisions.
    ///
    /// For each text the newest change at or before the cut is kept, so every revision after
    /// the cut can still be rebuilt and reverted to; the delta feed answers `ResyncRequired`
    /// for anything older.
    ///
    /// - Parameter keep: How many recent revisions keep their full history (at least 1).
    /// - Returns: The revision history now starts after, and how many change rows were removed.
    package func compactHistory(keep: Int) async throws -> (compactedThrough: Int, removed: Int) {
        try await pool.write { db in
            let latest = try EditingContext(db: db).currentRevision()
            let cut = max(try Setting.compactedThrough.value(db), latest - max(keep, 1))
            try db.execute(sql: """
                DELETE FROM textChange WHERE revision <= :cut AND id NOT IN (
                    SELECT id FROM (
                        SELECT id, ROW_NUMBER() OVER (PARTITION BY entryId, locale, field ORDER BY revision DESC, id DESC) AS position
                        FROM textChange WHERE revision <= :cut
                    ) WHERE position = 1
                )
                """, arguments: ["cut": cut])
            let removed = db.changesCount
            try Setting.compactedThrough.set(cut, db)
            return (cut, removed)
        }
    }
}

/// One published change of a text, with the revision that made it.
package struct HistoryItem: Codable, Hashable, Sendable {
    package var revision: Int
    package var createdAt: Date
    /// The name of the token that published it; `nil` for imports.
    package var author: String?
    package var note: String
    package var code: ErrorCode
    package var variant: VariantName?
    package var locale: LanguageTag
    package var field: TextField
    /// The text before; `nil` when the text was created.
    package var oldText: String?
    package var newText: String
    /// The review state the change left the text in.
    package var state: TranslationState
}
