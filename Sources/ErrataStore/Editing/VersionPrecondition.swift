/// Which versions of a text an edit may replace: the optimistic-concurrency check of
/// ``CatalogStore/setText(_:text:expected:author:publishNote:)``, made inside its transaction.
///
/// ```swift
/// .version(1_000_000_001)        // JSON-RPC's expectedVersion
/// .anyOf([3, 1_000_000_002])     // If-Match: "t3", "t1000000002"
/// .anyExisting                   // If-Match: *
/// ```
package enum VersionPrecondition: Hashable, Sendable {
    /// Exactly this version; 0 for a text that does not exist yet.
    case version(Int)
    /// Any of these versions.
    case anyOf(Set<Int>)
    /// Any version of a text that exists.
    case anyExisting

    /// Whether an edit of a text at `version` may go ahead.
    package func allows(_ version: Int) -> Bool {
        switch self {
        case .version(let expected): version == expected
        case .anyOf(let versions): versions.contains(version)
        case .anyExisting: version > 0
        }
    }
}
