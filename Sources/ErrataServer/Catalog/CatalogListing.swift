package import ErrataCore
import Foundation

/// The answer to `errors.list`, `catalog.get` and `GET /v1/catalog`.
package struct CatalogListing: Codable, Hashable, Sendable {
    package var revision: Int
    package var locale: LanguageTag
    package var entries: [ErrorDescription]

    /// The listing as canonical JSON, written without building the struct: identical to
    /// `CanonicalJSON.encode(CatalogListing(revision:locale:entries:))`.
    static func body(revision: Int, locale: LanguageTag, entries: [ErrorDescription]) -> Data {
        var writer = JSONWriter(capacity: 64 + entries.count * 768)
        writer.raw("{")
        writer.member("entries", first: true)
        writer.array(entries) { writer, entry in entry.write(to: &writer) }
        writer.member("locale")
        writer.string(locale.rawValue)
        writer.member("revision")
        writer.integer(revision)
        writer.raw("}")
        return writer.data
    }
}
