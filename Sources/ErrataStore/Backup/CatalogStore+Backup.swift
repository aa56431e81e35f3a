import GRDB

extension CatalogStore {
    /// Copies the database to a new file with SQLite's online backup, safe while a server serves and publishes.
    ///
    /// The copy is the database as of one committed transaction: the publishes that committed before
    /// the backup started are all in it, whole, and none after. It passes `PRAGMA integrity_check`
    /// before it takes the name `path`; a failed backup leaves nothing under that name. The call blocks
    /// for the copy's duration without blocking writers (WAL mode).
    ///
    /// - Parameters:
    ///   - path: The file to write; its directory must exist.
    ///   - replacing: Whether an existing file at `path` is replaced.
    /// - Returns: The newest revision in the copy, or `nil` for a database with no catalog yet.
    /// - Throws: ``BackupError``.
    @discardableResult
    package func backup(to path: String, replacing: Bool = false) throws -> Int? {
        try DatabaseCopy.write(from: pool, to: path, replacing: replacing)
    }
}
