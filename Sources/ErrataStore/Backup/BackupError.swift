/// Why a backup or a restore did not happen; every case names the file at fault.
package enum BackupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file to write exists and replacing it was not asked for.
    case destinationExists(String)
    /// The directory of the file to write does not exist.
    case missingDirectory(String)
    /// The backup to restore does not exist.
    case missingBackup(String)
    /// SQLite's integrity check of the file found problems.
    case failedIntegrityCheck(String, [String])
    /// The file is an SQLite database but holds no Errata catalog.
    case notACatalog(String)
    /// The file was written by a newer errata-server, with migrations this one does not know.
    case newerSchema(String)
    /// Another process has the database open, such as a running server.
    case inUse(String)
    /// SQLite failed on the file.
    case sqlite(String, String)

    package var description: String {
        switch self {
        case .destinationExists(let path): "\(path) exists; pass --force to replace it"
        case .missingDirectory(let path): "cannot write \(path): its directory does not exist"
        case .missingBackup(let path): "backup \(path) does not exist"
        case .failedIntegrityCheck(let path, let problems):
            "\(path) fails SQLite's integrity check: " + problems.prefix(3).joined(separator: "; ") + (problems.count > 3 ? "; …" : "")
        case .notACatalog(let path): "\(path) holds no Errata catalog"
        case .newerSchema(let path): "\(path) was written by a newer errata-server; restore it with that version"
        case .inUse(let path): "\(path) is in use by another process; stop the server first"
        case .sqlite(let path, let message): "\(path): \(message)"
        }
    }
}
