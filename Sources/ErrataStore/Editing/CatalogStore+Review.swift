package import ErrataCore
import GRDB

extension CatalogStore {
    /// Sets the review state of one text in the shared draft, if the editor's view of it is current:
    /// how a reviewer marks a translation `translated` after checking it, or flags one `needs_review`.
    ///
    /// The text's value stays as it is. Like an edit, the change is a pending draft edit with a new
    /// version and the author's name, published with the draft and recorded in its change log
    /// (``history(code:locale:author:reviewChanges:limit:before:)`` with `reviewChanges`). Setting the
    /// state a text is already in changes nothing, and the answer is the current version.
    ///
    /// - Parameters:
    ///   - key: The entry, locale and field.
    ///   - state: The new review state.
    ///   - expected: The versions the change may replace (see ``TextVersion/number``).
    ///   - author: The token name recorded with the change.
    /// - Returns: The text's version now.
    /// - Throws: ``EditError``: unknown code, variant or locale, a text that does not exist yet, or a conflict.
    package func setReviewState(
        _ key: TextKey, to state: TranslationState, expected: VersionPrecondition, author: String?
    ) async throws -> TextVersion {
        try await pool.write { db in
            let context = EditingContext(db: db)
            let entryID = try context.entry(key.entry).id!
            try context.requireLocale(key.locale)
            guard let current = try context.currentVersion(of: key, entryID: entryID, allowedBy: expected) else {
                throw EditError(.missingText(key))
            }
            guard current.state != state else { return current }
            return try context.stage(entryID: entryID, locale: key.locale, field: key.field, value: current.text, state: state, author: author)
        }
    }
}
