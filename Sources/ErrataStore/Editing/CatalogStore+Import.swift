package import ErrataCore
import Foundation
import GRDB

extension CatalogStore {
    /// Turns the texts of edited `Localizations/` files into draft edits, without overwriting live edits,
    /// and takes their notes for translators.
    ///
    /// A text that differs from the published one is staged unless the published text changed
    /// after the files' revision (a live edit the files do not know) or a pending draft edit of
    /// it says something else: those are reported as conflicts and left alone.
    ///
    /// Notes for translators (text comments, placeholder notes) are catalog metadata, not texts: they
    /// are stored at once, with no draft or revision, since no admin method edits them and no public
    /// answer shows them. An import does not change placeholder defaults, so the note of a placeholder
    /// the stored entry has no default for is left out. The glossary is metadata too: the files' one
    /// replaces the stored one (files without `glossary.json` leave none).
    ///
    /// - Parameters:
    ///   - catalog: The catalog read from the files; it must pass ``CatalogValidator``.
    ///   - glossary: The files' glossary, `nil` when they have none.
    ///   - baseRevision: The revision the files were exported from (`nil`: hand-written, taken as 1).
    ///   - author: Recorded with the draft edits.
    /// - Returns: What was staged and what conflicted.
    package func importDraft(_ catalog: Catalog, glossary: Glossary? = nil, baseRevision: Int?, author: String) async throws -> ImportReport {
        let problems = CatalogValidator.problems(in: catalog)
        guard problems.isEmpty else { throw StoreError.invalidCatalog(problems.map(\.description)) }
        let base = baseRevision ?? 1
        return try await pool.write { db in
            let context = EditingContext(db: db)
            var report = ImportReport()
            for key in catalog.texts.keys.sorted() {
                guard let value = catalog.texts[key] else { continue }
                let entry: EntryRecord
                do {
                    entry = try context.entry(key.entry)
                    try context.requireLocale(key.locale)
                } catch let error as EditError {
                    report.conflicts.append(.init(key: key, reason: error.description))
                    continue
                }
                let keyValues: [String: any DatabaseValueConvertible] = ["entryId": entry.id!, "locale": key.locale.rawValue, "field": key.field.rawValue]
                let published = try TextRecord.fetchOne(db, key: keyValues)
                let draft = try DraftTextRecord.fetchOne(db, key: keyValues)
                guard published?.value != value || (draft != nil && draft?.value != value) else { continue }
                if let draft, draft.value != value {
                    report.conflicts.append(.init(key: key, reason: "a pending draft edit (version \(draft.draftRevision)) says something else"))
                } else if let published, published.revision > base, published.value != value {
                    report.conflicts.append(.init(key: key, reason: "published revision \(published.revision) changed it after the files' revision \(base)"))
                } else if draft == nil {
                    let state = catalog.needsReview.contains(key) ? TranslationState.needsReview : .translated
                    _ = try context.stage(entryID: entry.id!, locale: key.locale, field: key.field, value: value, state: state, author: author)
                    report.staged.append(key)
                }
            }
            report.notesChanged = try Self.importNotes(of: catalog.entries, db: db)
            report.glossaryChanged = try Self.replaceGlossary(with: glossary, db: db)
            return report
        }
    }

    /// Stores the notes for translators of the entries the database has; returns the entries whose notes changed.
    private static func importNotes(of entries: [CatalogEntry], db: Database) throws -> [EntryKey] {
        let context = EditingContext(db: db)
        var changed: [EntryKey] = []
        for var entry in entries {
            let record: EntryRecord
            do {
                record = try context.entry(entry.key)
            } catch is EditError {
                continue  // an entry the database lacks: its texts are reported as conflicts
            }
            let declared = try record.catalogEntry().parameters
            entry.parameterNotes = entry.parameterNotes.filter { declared[$0.key] != nil }
            let columns = try EntryRecord.notesColumns(of: entry)
            guard columns != (record.comments, record.parameterNotes) else { continue }
            try db.execute(
                sql: "UPDATE entry SET comments = ?, parameterNotes = ? WHERE id = ?",
                arguments: [columns.comments, columns.parameterNotes, record.id]
            )
            changed.append(entry.key)
        }
        return changed
    }
}

/// What an import staged and what it left alone.
package struct ImportReport: Hashable, Sendable {
    /// A text the import did not stage, and why.
    package struct Conflict: Hashable, Sendable {
        package var key: TextKey
        package var reason: String
    }

    package var staged: [TextKey] = []
    package var conflicts: [Conflict] = []
    /// The entries whose notes for translators the import changed, in catalog order.
    package var notesChanged: [EntryKey] = []
    /// Whether the import stored another glossary, or removed the stored one.
    package var glossaryChanged = false
}
