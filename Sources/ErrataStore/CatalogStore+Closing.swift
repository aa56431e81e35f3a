import GRDB

extension CatalogStore {
    /// Copies the write-ahead log into the database file and closes the database connections.
    ///
    /// The pool closes its writer before its read-only readers, so SQLite's own checkpoint on the
    /// last close cannot run: the log is checkpointed and truncated explicitly first. Call once
    /// nothing uses the store any more; every later call on it throws.
    package func close() throws {
        try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try pool.close()
    }
}
