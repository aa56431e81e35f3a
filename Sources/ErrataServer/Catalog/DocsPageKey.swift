import ErrataCore

/// Names one rendered page of a revision, for ``ServedCatalog``'s page memo.
enum DocsPageKey: Hashable, Sendable {
    /// `GET /docs` without filters.
    case index(LanguageTag)
    /// `GET /docs/errors/{code}?variant=`, with the alias the address named instead of the entry's code
    /// (its page says so, so it is kept apart from the entry's own page).
    case error(EntryKey, alias: ErrorCode?, LanguageTag)
    /// `GET /docs/problems/{slug}`.
    case problem(String, LanguageTag)
}
