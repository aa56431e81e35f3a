import ErrataCore
import Foundation
import GRDB

/// Lookups shared by the editing operations, inside one database transaction.
struct EditingContext {
    let db: Database

    /// The entry row for a code and variant.
    /// - Throws: ``EditError`` for an unknown code or variant.
    func entry(_ key: EntryKey) throws -> EntryRecord {
        let candidates = try EntryRecord.filter(Column("code") == key.code.rawValue).fetchAll(db)
        guard !candidates.isEmpty else { throw EditError(.unknownCode(key.code)) }
        guard let match = candidates.first(where: { $0.variant == (key.variant?.rawValue ?? "") }) else {
            let available = candidates.map(\.variant).filter { !$0.isEmpty }.map { VariantName($0) }
            throw EditError(.unknownVariant(key.code, key.variant, available: available))
        }
        return match
    }

    /// Checks that a locale is in the catalog.
    func requireLocale(_ locale: LanguageTag) throws {
        guard try LocaleRecord.fetchOne(db, key: locale.rawValue) != nil else { throw EditError(.unknownLocale(locale)) }
    }

    /// The catalog's source language: what every other locale is translated from.
    func sourceLocale() throws -> LanguageTag {
        // A database written before schema v5 without an English locale has none marked; English was the rule then.
        try String.fetchOne(db, sql: "SELECT tag FROM locale WHERE isSource").map(LanguageTag.stored) ?? .english
    }

    /// What is wrong with `text` as the new value of `key`, by ``TextRules``: a translation must have
    /// the placeholders of the same field's source text (as the editor sees it), a source text only
    /// placeholders the entry declares, and an optional text has no translation before its source text.
    /// The one check of an edit, also answered on its own by a dry run.
    func problems(in text: String, for key: TextKey, entry: EntryRecord) throws -> [TextProblem] {
        let sourceLocale = try sourceLocale()
        let source = key.locale == sourceLocale ? nil : try currentVersion(entryID: entry.id!, locale: sourceLocale, field: key.field)?.text
        if key.locale != sourceLocale, source == nil, !key.field.isRequired { return [.noSourceText] }
        return TextRules.problems(in: text, sourceText: source, declaredParameters: try entry.catalogEntry().parameters)
    }

    /// The text as an editor sees it: the pending draft edit if any, else the published text.
    func currentVersion(entryID: Int64, locale: LanguageTag, field: TextField) throws -> TextVersion? {
        let key = ["entryId": DatabaseValue(value: entryID), "locale": locale.rawValue.databaseValue, "field": field.rawValue.databaseValue]
        if let draft = try DraftTextRecord.fetchOne(db, key: key) { return TextVersion(draft) }
        return try TextRecord.fetchOne(db, key: key).map(TextVersion.init)
    }

    /// The text as an editor sees it, if `expected` lets an edit replace it.
    ///
    /// - Throws: ``EditError`` `conflict`, carrying the current version, when it does not.
    func currentVersion(of key: TextKey, entryID: Int64, allowedBy expected: VersionPrecondition) throws -> TextVersion? {
        let current = try currentVersion(entryID: entryID, locale: key.locale, field: key.field)
        guard expected.allows(current?.number ?? 0) else { throw EditError(.conflict(current: current ?? .missing)) }
        return current
    }

    /// The next draft revision; see ``DraftVersion``.
    func nextDraftVersion() throws -> Int {
        let next = max(try Setting.draftSequence.value(db), DraftVersion.base) + 1
        try Setting.draftSequence.set(next, db)
        return next
    }

    /// Writes a pending edit of one text.
    func stage(entryID: Int64, locale: LanguageTag, field: TextField, value: String, state: TranslationState, author: String?) throws -> TextVersion {
        let revision = try nextDraftVersion()
        try DraftTextRecord(
            entryId: entryID, locale: locale.rawValue, field: field.rawValue, value: value, state: state.rawValue,
            draftRevision: revision, author: author, updatedAt: Date()
        ).upsert(db)
        return TextVersion(text: value, number: revision, state: state, pending: true)
    }

    /// The newest published revision.
    func currentRevision() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT MAX(number) FROM revision") ?? 0
    }
}

extension TextVersion {
    /// A text with a pending edit, as an editor sees it.
    init(_ draft: DraftTextRecord) {
        self.init(text: draft.value, number: draft.draftRevision, state: TranslationState(rawValue: draft.state), pending: true)
    }

    /// A text without a pending edit, as an editor sees it.
    init(_ published: TextRecord) {
        self.init(text: published.value, number: published.revision, state: TranslationState(rawValue: published.state), pending: false)
    }
}
