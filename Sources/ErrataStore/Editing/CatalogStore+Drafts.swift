package import ErrataCore
package import Foundation
import GRDB

extension CatalogStore {
    /// A text as an editor reads it before changing it.
    ///
    /// - Throws: ``EditError`` for an unknown code, variant or locale.
    package func text(_ key: TextKey) async throws -> TextVersion {
        try await pool.read { db in
            let context = EditingContext(db: db)
            let entry = try context.entry(key.entry)
            try context.requireLocale(key.locale)
            return try context.currentVersion(entryID: entry.id!, locale: key.locale, field: key.field) ?? .missing
        }
    }

    /// Changes one text in the shared draft, if the editor's view of it is current.
    ///
    /// Changing a text of the catalog's source language marks the same field in every other locale
    /// `needs_review`. With `publish`, the whole draft is published in the same transaction.
    /// Setting a text to what it already is (and `translated`, as an edit leaves it) changes nothing:
    /// nothing is staged or marked, nothing published, and the answer is the current version.
    ///
    /// - Parameters:
    ///   - key: The entry, locale and field.
    ///   - text: The new text; it must follow ``TextRules``.
    ///   - expected: The versions the edit may replace: the text's version as the editor last read
    ///     it (see ``TextVersion/number``).
    ///   - author: The token name recorded with the edit.
    ///   - publishNote: When given, publish the draft at once with this note.
    /// - Returns: The text's new version, and the published revision when it was published.
    /// - Throws: ``EditError``: unknown code, variant or locale, invalid text, or a conflict.
    package func setText(
        _ key: TextKey, text: String, expected: VersionPrecondition, author: String?, publishNote: String? = nil
    ) async throws -> (version: TextVersion, published: Int?) {
        try await pool.write { db in
            let context = EditingContext(db: db)
            let entry = try context.entry(key.entry)
            try context.requireLocale(key.locale)
            let entryID = entry.id!
            let current = try context.currentVersion(of: key, entryID: entryID, allowedBy: expected)
            let problems = try context.problems(in: text, for: key, entry: entry)
            guard problems.isEmpty else { throw EditError(.invalidText(problems)) }
            var version: TextVersion
            if let current, current.text == text, current.state == .translated {
                // Nothing to stage or mark. A publish asked for still publishes what the draft holds
                // (this text's pending edit among it), but never an empty revision.
                guard publishNote != nil, try DraftTextRecord.fetchCount(db) > 0 else { return (current, nil) }
                version = current
            } else {
                version = try context.stage(entryID: entryID, locale: key.locale, field: key.field, value: text, state: .translated, author: author)
                let sourceLocale = try context.sourceLocale()
                if key.locale == sourceLocale, current?.text != text {
                    try markTranslationsForReview(entryID: entryID, field: key.field, sourceLocale: sourceLocale, author: author, context: context)
                }
            }
            guard let publishNote else { return (version, nil) }
            let published = try publishDraft(note: publishNote, author: author, db: db)
            version = try context.currentVersion(entryID: entryID, locale: key.locale, field: key.field) ?? version
            return (version, published)
        }
    }

    /// What ``setText(_:text:expected:author:publishNote:)`` would find wrong with `text` as the new
    /// value of `key`, by the same check, without writing anything.
    ///
    /// - Returns: The problems, empty when the edit would be accepted as far as the text goes.
    /// - Throws: ``EditError`` for an unknown code, variant or locale.
    package func problems(in text: String, for key: TextKey) async throws -> [TextProblem] {
        try await pool.read { db in
            let context = EditingContext(db: db)
            let entry = try context.entry(key.entry)
            try context.requireLocale(key.locale)
            return try context.problems(in: text, for: key, entry: entry)
        }
    }

    /// The default values of an entry's parameters, by name, as texts are rendered with them.
    ///
    /// - Throws: ``EditError`` for an unknown code or variant.
    package func parameterDefaults(of entry: EntryKey) async throws -> [String: String] {
        try await pool.read { db in try EditingContext(db: db).entry(entry).catalogEntry().parameters }
    }

    /// Changes one text if `expectedVersion` is still its version; see ``setText(_:text:expected:author:publishNote:)``.
    package func setText(
        _ key: TextKey, text: String, expectedVersion: Int, author: String?, publishNote: String? = nil
    ) async throws -> (version: TextVersion, published: Int?) {
        try await setText(key, text: text, expected: .version(expectedVersion), author: author, publishNote: publishNote)
    }

    private func markTranslationsForReview(
        entryID: Int64, field: TextField, sourceLocale: LanguageTag, author: String?, context: EditingContext
    ) throws {
        for locale in try LocaleRecord.fetchAll(context.db) where locale.tag != sourceLocale.rawValue {
            guard let tag = LanguageTag(rawValue: locale.tag),
                let translation = try context.currentVersion(entryID: entryID, locale: tag, field: field)
            else { continue }
            _ = try context.stage(entryID: entryID, locale: tag, field: field, value: translation.text, state: .needsReview, author: author)
        }
    }

    /// The pending edits of the shared draft: what a publish would change.
    package func draft() async throws -> [DraftChange] {
        try await pool.read { db in
            let entries = Dictionary(uniqueKeysWithValues: try EntryRecord.fetchAll(db).map { ($0.id!, $0.key) })
            return try Row.fetchAll(db, sql: """
                SELECT d.*, t.value AS publishedValue, t.state AS publishedState
                FROM draftText d LEFT JOIN text t USING (entryId, locale, field)
                ORDER BY d.draftRevision
                """).compactMap { row -> DraftChange? in
                guard let entry = entries[row["entryId"]], let locale = LanguageTag(rawValue: row["locale"]),
                    let field = TextField(rawValue: row["field"])
                else { return nil }
                return DraftChange(
                    key: TextKey(entry: entry, locale: locale, field: field),
                    text: row["value"], previousText: row["publishedValue"],
                    state: TranslationState(rawValue: row["state"]), version: row["draftRevision"],
                    author: row["author"], updatedAt: row["updatedAt"]
                )
            }
        }
    }

    /// Drops every pending edit.
    ///
    /// - Returns: How many edits were dropped.
    @discardableResult
    package func discardDraft() async throws -> Int {
        try await pool.write { db in try DraftTextRecord.deleteAll(db) }
    }

    /// Drops the pending edit of one text, keeping the rest of the draft.
    ///
    /// Discarding an edit of the source locale also drops what it put up for review: the translations
    /// of the same field whose pending change is only a `needs_review` mark on their published text.
    /// Discarding the source of an optional text (a developer hint) that was never published drops its
    /// pending translations too, which could otherwise be published without a source.
    ///
    /// - Parameter key: The entry, locale and field.
    /// - Returns: How many edits were dropped: 0 when the text has no pending edit.
    /// - Throws: ``EditError`` for an unknown code, variant or locale.
    package func discardDraft(of key: TextKey) async throws -> Int {
        try await pool.write { db in
            let context = EditingContext(db: db)
            let entryID = try context.entry(key.entry).id!
            try context.requireLocale(key.locale)
            let ownEdit = DraftTextRecord.filter(
                Column("entryId") == entryID && Column("locale") == key.locale.rawValue && Column("field") == key.field.rawValue
            )
            var dropped = try ownEdit.deleteAll(db)
            if dropped > 0, key.locale == (try context.sourceLocale()) {
                try db.execute(
                    sql: """
                        DELETE FROM draftText
                        WHERE entryId = ? AND field = ? AND locale != ? AND state = ?
                          AND value = (SELECT t.value FROM text t
                                       WHERE t.entryId = draftText.entryId AND t.locale = draftText.locale AND t.field = draftText.field)
                        """,
                    arguments: [entryID, key.field.rawValue, key.locale.rawValue, TranslationState.needsReview.rawValue]
                )
                dropped += db.changesCount
                if !key.field.isRequired, try context.currentVersion(entryID: entryID, locale: key.locale, field: key.field) == nil {
                    dropped += try DraftTextRecord.filter(Column("entryId") == entryID && Column("field") == key.field.rawValue).deleteAll(db)
                }
            }
            return dropped
        }
    }
}

/// One pending edit in the shared draft.
package struct DraftChange: Hashable, Sendable {
    package var key: TextKey
    package var text: String
    /// The published text it replaces; `nil` for a text that is new.
    package var previousText: String?
    package var state: TranslationState
    /// The text's version in the draft (see ``DraftVersion``).
    package var version: Int
    package var author: String?
    package var updatedAt: Date
}
