import ErrataCore
package import ErrataStore
package import ErrataWeb
package import Foundation
package import Logging

/// Prepares the catalog to serve at start-up.
package enum CatalogBootstrap {
    /// Opens the served catalog, importing `Localizations/` (its glossary included) as revision 1 into an empty database.
    ///
    /// A database that already holds a catalog is used as it is: `Localizations/` is not read.
    ///
    /// - Parameters:
    ///   - store: The opened store.
    ///   - localizations: The `Localizations/` directory to import from on first start.
    ///   - links: Where the pages are (``ServerConfiguration/docsLinks``).
    ///   - logger: Where progress is logged.
    /// - Returns: The live catalog at the newest published revision.
    /// - Throws: `CatalogFileError` or `StoreError` when the first import fails.
    package static func liveCatalog(store: CatalogStore, localizations: URL, links: DocsLinks = DocsLinks(), logger: Logger) async throws -> LiveCatalog {
        if try await store.currentRevision() == nil {
            let files = LocalizationsDirectory(url: localizations)
            let catalog = try files.load()
            let glossary = try files.loadGlossary(locales: catalog.locales)
            try await store.importInitialCatalog(catalog, glossary: glossary, note: "Imported from \(localizations.lastPathComponent)/")
        }
        let live = try await LiveCatalog(store: store, links: links, logger: logger)
        logger.info("Serving catalog", metadata: ["revision": "\(live.served.revision)"])
        return live
    }

    /// Opens the served catalog of a follower: what its database holds, or, for an empty database, an
    /// empty catalog at revision 0 until ``Follower`` brings the primary's (`/readyz` answers 503 till then).
    ///
    /// - Parameters:
    ///   - store: The follower's own opened store.
    ///   - links: Where the pages are (``ServerConfiguration/docsLinks``).
    ///   - logger: Where progress is logged.
    package static func followerCatalog(store: CatalogStore, links: DocsLinks = DocsLinks(), logger: Logger) async throws -> LiveCatalog {
        guard try await store.currentRevision() == nil else { return try await LiveCatalog(store: store, links: links, logger: logger) }
        logger.info("Empty database: serving nothing until the primary's catalog arrives")
        let empty = Catalog(locales: [LocaleInfo(tag: .english, name: "English")], entries: [], texts: [:])
        return LiveCatalog(ServedCatalog(PublishedCatalog(catalog: empty, revision: 0), links: links), logger: logger)
    }
}
