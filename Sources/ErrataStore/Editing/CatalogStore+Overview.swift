package import ErrataCore
import GRDB

extension CatalogStore {
    /// Every entry with every text as an editor sees it (the pending draft edit if any, else the
    /// published text), read in one transaction: what an admin console lists, badges and edits.
    package func overview() async throws -> CatalogOverview {
        try await pool.read { db in
            let context = EditingContext(db: db)
            var texts: [Int64: [LanguageTag: [TextField: TextVersion]]] = [:]
            func add(_ version: TextVersion, entryID: Int64, locale: String, field: String) {
                guard let locale = LanguageTag(rawValue: locale), let field = TextField(rawValue: field) else { return }
                texts[entryID, default: [:]][locale, default: [:]][field] = version
            }
            for published in try TextRecord.fetchAll(db) {
                add(TextVersion(published), entryID: published.entryId, locale: published.locale, field: published.field)
            }
            // Drafts second: a pending edit is what the editor sees in place of the published text.
            for draft in try DraftTextRecord.fetchAll(db) {
                add(TextVersion(draft), entryID: draft.entryId, locale: draft.locale, field: draft.field)
            }
            let entries = try EntryRecord.order(Column("position")).fetchAll(db).map { record in
                CatalogOverview.Entry(entry: try record.catalogEntry(), texts: texts[record.id!] ?? [:])
            }
            return CatalogOverview(
                revision: try context.currentRevision(), sourceLocale: try context.sourceLocale(),
                locales: try LocaleRecord.catalogLocales(db), entries: entries
            )
        }
    }
}

/// The whole catalog as editors see it: see ``CatalogStore/overview()``.
package struct CatalogOverview: Hashable, Sendable {
    /// One entry and its texts.
    package struct Entry: Hashable, Sendable {
        package var entry: CatalogEntry
        /// The texts that exist, by locale and field; a text not written yet is absent.
        package var texts: [LanguageTag: [TextField: TextVersion]]
    }

    /// The newest published revision.
    package var revision: Int
    /// The language every other locale is translated from.
    package var sourceLocale: LanguageTag
    /// The catalog's locales, in catalog order.
    package var locales: [LocaleInfo]
    /// The entries, in catalog order.
    package var entries: [Entry]
}
