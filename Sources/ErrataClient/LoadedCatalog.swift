import ErrataCore
import Foundation

/// The catalog a client reads: an immutable snapshot, where it came from, and when the server last confirmed it.
struct LoadedCatalog: Sendable {
    var snapshot: CatalogSnapshot
    var origin: CatalogOrigin
    /// When a server last confirmed or replaced this catalog; `nil` for the bundled catalog.
    var lastCheckedAt: Date?
    /// Negotiations already made against `snapshot`.
    var negotiations = NegotiationMemo()

    /// The cached catalog if it is usable, else the bundled one.
    ///
    /// An unusable cache file is reported through `warn` and removed; loading never fails.
    /// - Parameters:
    ///   - cache: The cache to read.
    ///   - locales: The locales to keep.
    ///   - warn: Receives the reason a cache file was discarded.
    static func load(from cache: CatalogCache, locales: LocaleFilter, warn: (String) -> Void) -> LoadedCatalog {
        switch cache.load() {
        case .loaded(let cached, let changes, let lastCheckedAt):
            let catalog = locales.apply(to: cached.document.catalog)
            let base = CatalogSnapshot(catalog: catalog, revision: cached.document.revision)
            // Each logged delta re-resolves only what it changed; filtered again, as the base is, in case
            // the configured locales changed since it was logged.
            let snapshot = changes.reduce(base) { $0.applying(locales.apply(to: $1, sourceLocale: catalog.sourceLocale)) }
            return LoadedCatalog(
                snapshot: snapshot,
                origin: cached.origin,
                lastCheckedAt: lastCheckedAt
            )
        case .unusable(let reason):
            warn("discarded the cached catalog \(cache.catalogURL.path): it \(reason); using the catalog bundled with this build")
            cache.discard()
            return bundled(locales: locales)
        case .missing:
            return bundled(locales: locales)
        }
    }

    /// The catalog bundled with this build, which every server's history starts from (revision 0).
    static func bundled(locales: LocaleFilter) -> LoadedCatalog {
        let document = BundledCatalog.document
        return LoadedCatalog(
            snapshot: CatalogSnapshot(catalog: locales.apply(to: document.catalog), revision: document.revision),
            origin: CatalogOrigin(serverURL: nil, locales: LocaleFilter(kept: nil)),
            lastCheckedAt: nil
        )
    }
}

/// Where the catalog in use came from: the server (or `nil` for the bundled catalog) and the locales kept.
struct CatalogOrigin: Hashable, Sendable {
    var serverURL: URL?
    var locales: LocaleFilter
}
