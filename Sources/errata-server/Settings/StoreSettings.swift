import ErrataServer
import ErrataStore
import Foundation
import Logging

extension Settings {
    static let database = Setting<String>.path(
        "database", default: "./errata.sqlite", abstract: "The SQLite database file; created on first start."
    )
    static let logLevel = Setting<Logger.Level>.choice(
        "log-level", default: .info, abstract: "The lowest level of the log lines written to stderr."
    )
    static let logFormat = Setting<LogFormat>.choice(
        "log-format", default: .text, abstract: "Log lines as text, or as json (one object per line, for log shippers)."
    )
}

/// The settings every subcommand that opens the database shares, so that `token create` run with
/// the environment of `serve` opens the same file.
struct StoreSettings: Sendable {
    var database: String
    var logLevel: Logger.Level
    var logFormat: LogFormat

    /// - Throws: ``CommandFailure`` naming the first invalid setting.
    init(from sources: SettingSources) throws(CommandFailure) {
        database = try sources.value(of: Settings.database)
        logLevel = try sources.value(of: Settings.logLevel)
        logFormat = try sources.value(of: Settings.logFormat)
    }

    /// A logger writing to stderr at the chosen level and in the chosen format.
    func makeLogger(label: String) -> Logger {
        var logger = switch logFormat {
        case .text: Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        case .json: Logger(label: label) { JSONLogHandler(label: $0) }
        }
        logger.logLevel = logLevel
        return logger
    }

    /// Opens and migrates the database.
    /// - Throws: ``CommandFailure`` naming the file when it cannot be opened.
    func openStore(logger: Logger) throws -> CatalogStore {
        let directory = URL(fileURLWithPath: database).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure(message: "cannot open database \(database): directory \(directory) does not exist")
        }
        do {
            return try CatalogStore(path: database, logger: logger)
        } catch {
            throw CommandFailure(message: "cannot open database \(database): \(error)")
        }
    }
}

/// How log lines are written: `--log-format`.
enum LogFormat: String, CaseIterable, Sendable {
    case text
    case json
}
