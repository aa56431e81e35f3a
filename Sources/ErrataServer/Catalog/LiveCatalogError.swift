/// A reason the served catalog could not be brought up to date with the store while running.
package struct LiveCatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case noPublishedCatalog
    }

    private let kind: Kind

    /// The store holds no published catalog any more (its file was replaced by an empty one).
    package static let noPublishedCatalog = Self(kind: .noPublishedCatalog)

    package var description: String {
        switch kind {
        case .noPublishedCatalog: "the database no longer holds a published catalog; still serving the last one"
        }
    }
}
