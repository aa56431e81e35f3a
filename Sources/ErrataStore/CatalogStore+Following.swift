package import ErrataCore
import Foundation
import GRDB
import Logging

extension CatalogStore {
    /// Records what a primary published after this store's newest revision, as the primary published it:
    /// the same revision numbers, texts and review states.
    ///
    /// A follower (`errata-server serve --follow`) keeps its own database in step this way, so that
    /// it serves, and feeds its own clients, exactly what the primary does. The delta feed carries
    /// no notes or authors, so each revision is recorded with a note naming where it came from.
    ///
    /// - Parameters:
    ///   - changes: The primary's delta feed answer since this store's newest revision.
    ///   - source: Where the changes came from, recorded in each revision's note.
    /// - Throws: ``FollowError`` when the changes do not continue this store's history (take a whole
    ///   catalog with ``replaceWithPublished(_:revision:source:)`` then), or a database error.
    package func recordPublished(_ changes: CatalogChanges, source: String) async throws {
        try await pool.write { db in
            let current = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM revision")
            guard let current, changes.fromRevision == current, changes.toRevision > current else {
                throw FollowError.notContinuing(from: changes.fromRevision, stored: current)
            }
            guard let locales = changes.locales, changes.removed.isEmpty else { throw FollowError.incompleteDelta }
            try Self.addLocales(locales, db: db)
            let now = Date()
            for number in (current + 1)...changes.toRevision {
                try RevisionRecord(number: number, createdAt: now, note: "Followed from \(source)", author: nil).insert(db)
            }
            var entryIDs: [EntryKey: Int64] = [:]
            for change in changes.changes {
                let entry = change.textKey.entry
                if entryIDs[entry] == nil {
                    entryIDs[entry] = try Int64.fetchOne(
                        db, sql: "SELECT id FROM entry WHERE code = ? AND variant = ?", arguments: [entry.code.rawValue, entry.variant?.rawValue ?? ""]
                    )
                }
                guard let entryID = entryIDs[entry] else { throw FollowError.unknownEntry(entry) }
                guard (current + 1...changes.toRevision).contains(change.revision) else { throw FollowError.incompleteDelta }
                try apply(
                    TextRecord(
                        entryId: entryID, locale: change.locale.rawValue, field: change.field.rawValue, value: change.text,
                        state: change.state.rawValue, revision: change.revision
                    ),
                    db: db
                )
            }
        }
    }

    /// Replaces everything this store holds with a primary's whole catalog at `revision`: the
    /// follower's way back into step when the delta feed cannot bring it there (HTTP 410, a first start).
    ///
    /// The history before `revision` is not known here, so the delta feed this store serves starts after it.
    ///
    /// - Parameters:
    ///   - catalog: The primary's catalog; it must pass ``CatalogValidator``.
    ///   - revision: The revision the primary published it as.
    ///   - source: Where it came from, recorded in the revision's note.
    package func replaceWithPublished(_ catalog: Catalog, revision: Int, source: String) async throws {
        let problems = CatalogValidator.problems(in: catalog)
        guard problems.isEmpty else { throw StoreError.invalidCatalog(problems.map(\.description)) }
        try await pool.write { db in
            // Children first: the foreign keys point from texts to entries, revisions and locales.
            _ = try TextChangeRecord.deleteAll(db)
            _ = try DraftTextRecord.deleteAll(db)
            _ = try TextRecord.deleteAll(db)
            _ = try EntryRecord.deleteAll(db)
            _ = try RevisionRecord.deleteAll(db)
            _ = try LocaleRecord.deleteAll(db)
            _ = try RetryPolicyRecord.deleteAll(db)
            try insertCatalog(catalog, revision: revision, note: "Followed from \(source) (whole catalog)", db: db)
            try Setting.compactedThrough.set(revision, db)
        }
        logger.info("Replaced the catalog with the primary's", metadata: ["revision": "\(revision)", "source": "\(source)"])
    }

    /// Adds the locales of `locales` this store lacks, in their order, after the ones it has.
    ///
    /// - Throws: ``FollowError/localesChanged`` when a stored locale is no longer listed.
    private static func addLocales(_ locales: [LocaleInfo], db: Database) throws {
        let stored = try LocaleRecord.catalogLocales(db).map(\.tag)
        let listed = locales.map(\.tag)
        guard Array(listed.prefix(stored.count)) == stored else { throw FollowError.localesChanged }
        for (position, locale) in locales.enumerated().dropFirst(stored.count) {
            try LocaleRecord(tag: locale.tag.rawValue, name: locale.name, position: position, isSource: false).insert(db)
        }
    }
}

/// Why a primary's delta cannot be recorded as it is: only its whole catalog can bring the store in step.
package enum FollowError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The delta starts at another revision than the store's newest (`nil`: the store is empty).
    case notContinuing(from: Int, stored: Int?)
    /// The delta lacks locales, removes texts, or has a change of a revision outside it (an older or newer primary).
    case incompleteDelta
    /// The primary's locales no longer start with the store's.
    case localesChanged
    /// A change is of an entry the store lacks.
    case unknownEntry(EntryKey)

    package var description: String {
        switch self {
        case .notContinuing(let from, let stored):
            "the changes start after revision \(from), the database holds \(stored.map { "revision \($0)" } ?? "no catalog")"
        case .incompleteDelta: "the changes lack the catalog's locales or remove texts"
        case .localesChanged: "the primary's locales no longer include the database's in the same order"
        case .unknownEntry(let entry): "a change of \(entry) matches no entry of the database"
        }
    }
}
