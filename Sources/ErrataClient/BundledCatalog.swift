import ErrataCore
import Foundation

/// The catalog published with this build: `Resources/catalog-snapshot.json`, generated from `Localizations/`.
///
/// It makes the first lookup work with no server and no cache. Regenerate it after editing `Localizations/`:
/// `swift run errata-server snapshot --output Sources/ErrataClient/Resources/catalog-snapshot.json`.
enum BundledCatalog {
    /// The bundled document, decoded once per process.
    ///
    /// A missing or unreadable resource is a packaging defect, not a runtime condition: the test suite
    /// decodes it and compares it with `Localizations/`, so it stops here rather than limping on.
    static let document: CatalogDocument = {
        guard let url = Bundle.module.url(forResource: "catalog-snapshot", withExtension: "json") else {
            preconditionFailure("ErrataClient's resource catalog-snapshot.json is missing from the bundle")
        }
        do {
            // The cache file's reader, not `JSONDecoder`: its first-use conformance lookups were a fifth of a first `errata explain`.
            return try CacheFileReader.document(Data(contentsOf: url))
        } catch {
            preconditionFailure("ErrataClient's bundled catalog-snapshot.json cannot be read: \(error)")
        }
    }()
}
