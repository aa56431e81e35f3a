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
