import ErrataCore
package import ErrataStore
package import ErrataWeb
package import Foundation
package import Logging

/// Prepares the catalog to serve at start-up.
package enum CatalogBootstrap {
    /// Opens the served catalog, importing `Localizations/` as revision 1 into an empty database.
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
            let catalog = try LocalizationsDirectory(url: localizations).load()
            try await store.importInitialCatalog(catalog, note: "Imported from \(localizations.lastPathComponent)/")
        }
        let live = try await LiveCatalog(store: store, links: links, logger: logger)
        logger.info("Serving catalog", metadata: ["revision": "\(live.served.revision)"])
        return live
    }
}
