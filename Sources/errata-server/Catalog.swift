import ArgumentParser
import ErrataCore
import ErrataStore
import Foundation

extension ErrataServerCommand {
    /// `errata-server export --output DIR`: the published catalog as `Localizations/` files.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the published catalog as catalog.json and Errors.xcstrings, with translation states and notes for translators, so live edits can be committed."
        )

        @Option(help: "The directory to write; created if missing.")
        var output: String

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let settings = try await store.settings()
            let catalogStore = try settings.openStore(logger: settings.makeLogger(label: "errata-server"))
            guard let published = try await catalogStore.publishedCatalog() else {
                throw CommandFailure(message: "the database \(settings.database) holds no catalog yet")
            }
            do {
                try LocalizationsDirectory(url: URL(fileURLWithPath: output, isDirectory: true))
                    .write(published.catalog, revision: published.revision)
            } catch {
                throw CommandFailure(message: "\(error)")
            }
            print("exported revision \(published.revision) to \(output)")
        }
    }

    /// `errata-server import DIR`: edited `Localizations/` files into the draft.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stage the texts that changed in a Localizations/ directory as draft edits (publish them with admin.publish) and store their notes for translators.",
            discussion: "Texts edited live since the files' revision, or with a different pending draft edit, are reported as conflicts and left alone (exit code 1)."
        )

        @Argument(help: "The Localizations/ directory to read.")
        var directory: String

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let settings = try await store.settings()
            let catalogStore = try settings.openStore(logger: settings.makeLogger(label: "errata-server"))
            let files: (catalog: Catalog, revision: Int?)
            do {
                files = try LocalizationsDirectory(url: URL(fileURLWithPath: directory, isDirectory: true)).loadWithRevision()
            } catch {
                throw CommandFailure(message: "\(error)")
            }
            let report: ImportReport
            do {
                report = try await catalogStore.importDraft(files.catalog, baseRevision: files.revision, author: "import")
            } catch let error as StoreError {
                throw CommandFailure(message: error.description)
            }
            print("staged \(report.staged.count) text\(report.staged.count == 1 ? "" : "s") in the draft")
            if !report.notesChanged.isEmpty {
                let count = report.notesChanged.count
                print("updated the notes for translators of \(count) entr\(count == 1 ? "y" : "ies")")
            }
            for conflict in report.conflicts {
                print("conflict: \(conflict.key.stringKey) (\(conflict.key.locale)): \(conflict.reason)")
            }
            if !report.conflicts.isEmpty { throw ExitCode(1) }
        }
    }

    /// `errata-server compact --keep N`: forget old history.
    struct Compact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Forget superseded text history older than the newest N revisions; older delta-feed requests then get ResyncRequired."
        )

        @Option(help: "How many recent revisions keep their full history.")
        var keep: Int

        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard keep >= 1 else { throw ValidationError("--keep must be at least 1") }
        }

        func run() async throws {
            let settings = try await store.settings()
            let catalogStore = try settings.openStore(logger: settings.makeLogger(label: "errata-server"))
            let outcome = try await catalogStore.compactHistory(keep: keep)
            print("removed \(outcome.removed) change rows; history now starts after revision \(outcome.compactedThrough)")
        }
    }
}
