import Foundation
import GRDB

/// A checked copy of a database, written so that a failed copy never leaves a partial file under its name.
enum DatabaseCopy {
    /// Copies `source` with SQLite's online backup into a temporary file beside `destination`, checks
    /// the copy and moves it into place.
    ///
    /// The source is read in one read transaction, so the copy is one committed state of the database
    /// even while others write to it. The copy is a single self-contained file in rollback-journal mode
    /// (no `-wal` beside it), so it can be copied and archived like any file.
    ///
    /// - Parameters:
    ///   - source: The database to copy.
    ///   - destination: The file to write; its directory must exist.
    ///   - replacing: Whether an existing `destination` is replaced; otherwise it is never touched.
    /// - Returns: The newest revision in the copy, or `nil` when it holds no catalog.
    /// - Throws: ``BackupError``; the temporary file is removed.
    static func write(from source: some DatabaseReader, to destination: String, replacing: Bool) throws -> Int? {
        let url = URL(fileURLWithPath: destination)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BackupError.missingDirectory(destination)
        }
        if !replacing, FileManager.default.fileExists(atPath: destination) {
            throw BackupError.destinationExists(destination)
        }
        // Same directory, so the final rename stays on one file system and is atomic.
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
        defer {
            // After a successful move only the temporary name, or nothing, is left to remove.
            for suffix in ["", "-journal", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: temporary.path + suffix)
            }
        }
        let revision: Int?
        do {
            let copy = try DatabaseQueue(path: temporary.path)
            try source.backup(to: copy)
            revision = try copy.writeWithoutTransaction { db in
                // The copy inherits the source's WAL mode; leaving it makes the file stand alone.
                let journalMode = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
                guard journalMode == "delete" else {
                    throw BackupError.sqlite(destination, "cannot leave WAL mode (journal mode \(journalMode ?? "unknown"))")
                }
                let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard problems == ["ok"] else { throw BackupError.failedIntegrityCheck(destination, problems) }
                guard try db.tableExists("revision") else { return nil }
                return try Int.fetchOne(db, sql: "SELECT MAX(number) FROM revision")
            }
            try copy.close()
        } catch let error as DatabaseError {
            throw BackupError.sqlite(destination, error.message ?? "\(error)")
        }
        try moveIntoPlace(temporary.path, destination: destination, replacing: replacing)
        return revision
    }

    /// Renames the checked copy to its name; without `replacing`, `link(2)` fails rather than replace a
    /// file created since the first check.
    private static func moveIntoPlace(_ temporary: String, destination: String, replacing: Bool) throws {
        if replacing {
            guard rename(temporary, destination) == 0 else {
                throw BackupError.sqlite(destination, "cannot rename the copy into place: \(String(cString: strerror(errno)))")
            }
        } else {
            guard link(temporary, destination) == 0 else {
                let code = errno
                if code == EEXIST { throw BackupError.destinationExists(destination) }
                throw BackupError.sqlite(destination, "cannot move the copy into place: \(String(cString: strerror(code)))")
            }
        }
    }
}
