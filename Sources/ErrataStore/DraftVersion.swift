/// Draft versions of texts, numbered apart from published revisions.
///
/// A text's version (an editor's `expectedVersion`) is either the published revision that last
/// changed it or the draft version of a pending edit of it. Draft versions start at ``base`` + 1,
/// a range published revisions never reach, so the two kinds can never be mistaken for each other:
/// a stale draft version can never equal a later published revision and let a lost update through.
package enum DraftVersion {
    /// Draft versions are greater than this; published revisions stay below it.
    package static let base = 1_000_000_000

    /// Whether a text version names a draft edit rather than a published revision.
    package static func isDraft(_ version: Int) -> Bool { version > base }
}
