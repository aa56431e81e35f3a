import ErrataCore

/// Names one rendered page of a revision, for ``ServedCatalog``'s page memo.
enum DocsPageKey: Hashable, Sendable {
    /// `GET /docs` without filters.
    case index(LanguageTag)
    /// `GET /docs/errors/{code}?variant=`.
    case error(EntryKey, LanguageTag)
    /// `GET /docs/problems/{slug}`.
    case problem(String, LanguageTag)
}
