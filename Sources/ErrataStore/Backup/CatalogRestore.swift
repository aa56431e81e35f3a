import Foundation
import GRDB

/// Puts a backup in the place of a stopped server's database.
///
/// More than a file copy: a `-wal` file left beside the database would be replayed onto the restored
/// file by the next open and corrupt it, and a running server would go on serving the database it had
/// open. So the backup is checked first, the old database is taken over exclusively (which fails while
/// any other process has it open) and its log checkpointed and removed, and only then does a checked
/// copy of the backup take its name in one rename.
package enum CatalogRestore {
    /// Replaces the database at `database` with a checked copy of `backup`.
    ///
    /// - Parameters:
    ///   - backup: A file written by ``CatalogStore/backup(to:replacing:)``; it is only read.
    ///   - database: The database to replace; created when missing. Its directory must exist.
    /// - Returns: The newest revision in the restored database.
    /// - Throws: ``BackupError``: the backup is missing, fails its integrity check, holds no catalog or
    ///   comes from a newer schema; the database is in use or is not an SQLite database.
    @discardableResult
    package static func restore(from backup: String, to database: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: backup) else { throw BackupError.missingBackup(backup) }
        let source: DatabaseQueue
        do {
            var configuration = Configuration()
            configuration.readonly = true
            source = try DatabaseQueue(path: backup, configuration: configuration)
            try source.read { db in try check(backup: backup, db: db) }
        } catch let error as DatabaseError {
            throw BackupError.sqlite(backup, error.message ?? "\(error)")
        }
        if FileManager.default.fileExists(atPath: database) {
            try takeOver(database)
        }
        guard let revision = try DatabaseCopy.write(from: source, to: database, replacing: true) else {
            throw BackupError.notACatalog(backup)  // checked above; the copy is of the same file
        }
        return revision
    }

    /// Refuses a backup that is damaged, not a catalog, or made by a newer errata-server.
    private static func check(backup: String, db: Database) throws {
        let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        guard problems == ["ok"] else { throw BackupError.failedIntegrityCheck(backup, problems) }
        let migrator = CatalogMigrations.migrator
        guard try db.tableExists("revision"), try !migrator.appliedIdentifiers(db).isEmpty,
            try Int.fetchOne(db, sql: "SELECT MAX(number) FROM revision") != nil
        else { throw BackupError.notACatalog(backup) }
        guard try !migrator.hasBeenSuperseded(db) else { throw BackupError.newerSchema(backup) }
    }

    /// Takes the database exclusively, checkpoints its log into the file and removes `-wal` and `-shm`.
    ///
    /// Every connection to a WAL database holds a shared lock on the file for as long as it is open,
    /// so the exclusive lock fails at once while a server (or any other process) has it open.
    private static func takeOver(_ database: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
        }
        do {
            let queue = try DatabaseQueue(path: database, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN EXCLUSIVE; COMMIT")
                try db.checkpoint(.truncate)
            }
            try queue.close()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw BackupError.inUse(database)
        } catch let error as DatabaseError {
            throw BackupError.sqlite(database, error.message ?? "\(error)")
        }
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: database + suffix) {
            do {
                try FileManager.default.removeItem(atPath: database + suffix)
            } catch {
                throw BackupError.sqlite(database, "cannot remove \(database + suffix): \(error.localizedDescription)")
            }
        }
    }
}
