import GRDB

extension CatalogStore {
    /// The newest published revision and the history floor, read cheaply.
    ///
    /// A server compares this with what it serves to notice a publish or a compaction committed by
    /// another process on the same database: two lookups by key, no text is read.
    ///
    /// - Returns: The head, or `nil` for a database with no catalog yet.
    package func publishedHead() async throws -> PublishedHead? {
        try await pool.read { db in
            guard let revision = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM revision") else { return nil }
            return PublishedHead(revision: revision, historyFloor: try Setting.feedFloor(db))
        }
    }
}

/// Where the published history stands: what a served catalog must match to be current.
package struct PublishedHead: Hashable, Sendable {
    /// The newest published revision.
    package var revision: Int
    /// The delta feed starts after this revision (the same floor ``PublishedCatalog/historyFloor``
    /// and the published delta report): before it, history was compacted or lacks review states.
    package var historyFloor: Int

    package init(revision: Int, historyFloor: Int) {
        self.revision = revision
        self.historyFloor = historyFloor
    }
}
