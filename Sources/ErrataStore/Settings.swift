import GRDB

/// Named integers the store keeps about itself, in the `setting` table.
enum Setting: String {
    /// The last draft revision handed out.
    case draftSequence
    /// History up to and including this revision was compacted: the delta feed starts after it.
    case compactedThrough
    /// Review states changed up to this revision are not in the change log (they were not recorded before schema v4).
    case reviewStatesRecordedAfter

    /// The revision the delta feed starts after: before it, history was compacted or lacks review states.
    static func feedFloor(_ db: Database) throws -> Int {
        max(try compactedThrough.value(db), try reviewStatesRecordedAfter.value(db))
    }

    func value(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT value FROM setting WHERE name = ?", arguments: [rawValue]) ?? 0
    }

    func set(_ value: Int, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO setting (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
            arguments: [rawValue, value]
        )
    }
}

/// Draft versions of texts, numbered apart from published revisions.
///
/// A text's version (an editor's `expectedVersion`) is either the published revision that last
/// changed it or the draft version of a pending edit of it. Draft versions start at ``base`` + 1,
/// a range published revisions never reach, so the two kinds can never be mistaken for each other:
/// a stale draft version can never equal a later published revision and let a lost update through.
public enum DraftVersion {
    /// Draft versions are greater than this; published revisions stay below it.
    public static let base = 1_000_000_000

    /// Whether a text version names a draft edit rather than a published revision.
    public static func isDraft(_ version: Int) -> Bool { version > base }
}
