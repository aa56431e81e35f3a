import ArgumentParser
import ErrataStore
import Foundation

extension ErrataServerCommand {
    /// `errata-server backup --output FILE`: a consistent copy of the live database.
    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the database to a new file with SQLite's online backup; safe while the server serves and publishes.",
            discussion: "The copy is the database at one published revision, checked with PRAGMA integrity_check before it takes the name --output. It holds token digests (never tokens): keep it private."
        )

        @Option(help: "The backup file to write; its directory must exist.")
        var output: String

        @Flag(help: "Replace --output if it exists.")
        var force = false

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let settings = try await store.settings()
            // Opening a missing file would create an empty database and back that up.
            guard FileManager.default.fileExists(atPath: settings.database) else {
                throw CommandFailure(message: "database \(settings.database) does not exist")
            }
            let catalogStore = try settings.openStore(logger: settings.makeLogger(label: "errata-server"))
            do {
                let revision = try catalogStore.backup(to: output, replacing: force)
                print("backed up \(revision.map { "revision \($0)" } ?? "a database with no catalog") to \(output)")
            } catch let error as BackupError {
                throw CommandFailure(message: error.description)
            }
        }
    }

    /// `errata-server restore FILE`: a backup in place of the stopped server's database.
    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the database with a backup; stop the server first.",
            discussion: """
                Checks the backup (integrity, a catalog of a schema this version knows), refuses while another \
                process has the database open, removes the old database's -wal and -shm files and renames a \
                checked copy of the backup into place. Start the server afterwards; it serves the backup's revision.
                """
        )

        @Argument(help: "The file written by errata-server backup; it is only read.")
        var backup: String

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let settings = try await store.settings()
            do {
                let revision = try CatalogRestore.restore(from: backup, to: settings.database)
                print("restored revision \(revision) from \(backup) to \(settings.database)")
            } catch let error as BackupError {
                throw CommandFailure(message: error.description)
            }
        }
    }
}
