public import ArgumentParser
import ErrataServer
import ErrataStore
import Foundation
public import Logging

/// Options every subcommand that opens the database shares.
struct StoreOptions: ParsableArguments {
    @Option(help: "The SQLite database file; created on first start.")
    var database: String = "./errata.sqlite"

    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    @Option(help: "Log line format on stderr: text, or json (one object per line, for log shippers).")
    var logFormat: LogFormat = .text

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
enum LogFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
