package import ErrataCore
package import Foundation

/// An admin call to a follower: edits go to the primary, whose URL the error names.
///
/// A follower's database is a copy the primary's revisions overwrite, and its tokens are not the
/// primary's, so it refuses every admin call before looking at the token.
package struct FollowerRefusal: Error, Hashable, Sendable {
    /// The primary's base URL, where admin calls go.
    package var primary: URL

    package init(primary: URL) {
        self.primary = primary
    }
}

extension FollowerRefusal: DomainError {
    package var failure: DomainFailure { .follower(self) }
    package var reason: String { "ReadOnlyFollower" }
    package var members: [String: JSONValue] { ["primary": .string(primary.absoluteString)] }

    package var description: String {
        "this server follows \(primary.absoluteString) and serves reads only; send admin calls to the primary"
    }
}
