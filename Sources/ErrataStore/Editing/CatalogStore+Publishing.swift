package import ErrataCore
import Foundation
import GRDB

extension CatalogStore {
    /// Publishes the whole draft as the next revision, in one transaction.
    ///
    /// - Parameters:
    ///   - note: Why; recorded with the revision.
    ///   - author: The token name recorded with the revision.
    /// - Returns: The new revision number.
    /// - Throws: ``EditError`` when the draft is empty.
    package func publish(note: String, author: String?) async throws -> Int {
        try await pool.write { db in try publishDraft(note: note, author: author, db: db) }
    }

    func publishDraft(note: String, author: String?, db: Database) throws -> Int {
        let drafts = try DraftTextRecord.fetchAll(db)
        guard !drafts.isEmpty else { throw EditError(.emptyDraft) }
        let revision = try startRevision(note: note, author: author, db: db)
        for draft in drafts {
            try apply(
                TextRecord(entryId: draft.entryId, locale: draft.locale, field: draft.field, value: draft.value, state: draft.state, revision: revision),
                db: db
            )
        }
        try DraftTextRecord.deleteAll(db)
        return revision
    }

    /// Publishes a new revision whose texts and review states equal those of an earlier one; history is kept.
    ///
    /// A text whose last change by then was published before schema v4, which recorded no review states, comes back `translated`.
    ///
    /// - Parameters:
    ///   - revision: The revision to return to.
    ///   - note: Why; recorded with the new revision.
    ///   - author: The token name recorded with the new revision.
    /// - Returns: The new revision number.
    /// - Throws: ``EditError`` when the draft is not empty or the revision is not in the retained history.
    package func revert(to revision: Int, note: String, author: String?) async throws -> Int {
        try await pool.write { db in
            let pending = try DraftTextRecord.fetchCount(db)
            guard pending == 0 else { throw EditError(.draftPending(count: pending)) }
            let latest = try EditingContext(db: db).currentRevision()
            let earliest = max(1, try Setting.compactedThrough.value(db))
            guard (earliest...latest).contains(revision) else {
                throw EditError(.revisionUnavailable(revision, earliest: earliest, latest: latest))
            }
            let past = try Row.fetchAll(db, sql: """
                SELECT entryId, locale, field, newValue, state FROM (
                    SELECT *, ROW_NUMBER() OVER (PARTITION BY entryId, locale, field ORDER BY revision DESC, id DESC) AS position
                    FROM textChange WHERE revision <= ?
                ) WHERE position = 1
                """, arguments: [revision])
            let newRevision = try startRevision(note: note, author: author, db: db)
            for row in past {
                try apply(
                    TextRecord(entryId: row["entryId"], locale: row["locale"], field: row["field"], value: row["newValue"], state: row["state"], revision: newRevision),
                    db: db
                )
            }
            return newRevision
        }
    }

    /// Adds a locale to the catalog, published at once as a new revision; its texts start empty
    /// (readers get the source language until they are written).
    ///
    /// - Throws: ``EditError`` when the locale already exists.
    package func addLocale(_ tag: LanguageTag, name: String, author: String?) async throws -> Int {
        try await pool.write { db in
            guard try LocaleRecord.fetchOne(db, key: tag.rawValue) == nil else { throw EditError(.localeExists(tag)) }
            let position = (try Int.fetchOne(db, sql: "SELECT MAX(position) FROM locale") ?? -1) + 1
            try LocaleRecord(tag: tag.rawValue, name: name, position: position, isSource: false).insert(db)
            return try startRevision(note: "Added locale \(tag) (\(name))", author: author, db: db)
        }
    }

    // MARK: - Steps shared by publish, revert and following

    private func startRevision(note: String, author: String?, db: Database) throws -> Int {
        let revision = try EditingContext(db: db).currentRevision() + 1
        precondition(revision < DraftVersion.base, "published revisions must stay below draft revisions")
        try RevisionRecord(number: revision, createdAt: Date(), note: note, author: author).insert(db)
        return revision
    }

    /// Makes `text` the published text; a changed value or review state is recorded in the change log
    /// under `text.revision`, so that a revert and the delta feed know both.
    func apply(_ text: TextRecord, db: Database) throws {
        let key: [String: any DatabaseValueConvertible] = ["entryId": text.entryId, "locale": text.locale, "field": text.field]
        let published = try TextRecord.fetchOne(db, key: key)
        guard published?.value != text.value || published?.state != text.state else { return }
        var change = TextChangeRecord(
            id: nil, revision: text.revision, entryId: text.entryId, locale: text.locale, field: text.field,
            oldValue: published?.value, newValue: text.value, state: text.state
        )
        try change.insert(db)
        if published?.value != text.value {
            try text.upsert(db)
        } else {
            // `text.revision` stays the revision of the value, which editors name in `expectedVersion`.
            try db.execute(
                sql: "UPDATE text SET state = ? WHERE entryId = ? AND locale = ? AND field = ?",
                arguments: [text.state, text.entryId, text.locale, text.field]
            )
        }
    }
}
