import ArgumentParser
import ErrataCore
import ErrataStore
import Foundation

extension ErrataServerCommand {
    /// `errata-server export --output DIR`: the published catalog as `Localizations/` files, or one
    /// locale as XLIFF with `--format xliff --locale LOC --output FILE`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the published catalog as catalog.json and Errors.xcstrings, with translation states and notes for translators, and the imported glossary.json, so live edits can be committed; or one locale as XLIFF 1.2 for translators.",
            discussion: "With --format xliff, --locale names the locale to translate (admin.addLocale adds a new one first) and --output the XLIFF file to write."
        )

        @Option(help: "directory: catalog.json and Errors.xcstrings; xliff: one locale as XLIFF 1.2.")
        var format: CatalogFileFormat = .directory

        @Option(help: "With --format xliff: the locale whose translations to write.")
        var locale: String?

        @Option(help: "The directory to write (created if missing), or with --format xliff the file.")
        var output: String

        @OptionGroup var store: StoreOptions

        func validate() throws {
            switch format {
            case .directory where locale != nil: throw ValidationError("--locale is only for --format xliff")
            case .xliff where locale == nil: throw ValidationError("--format xliff needs --locale, the locale to translate")
            default: break
            }
        }

        func run() async throws {
            let settings = try await store.settings()
            let catalogStore = try settings.openStore(logger: settings.makeLogger(label: "errata-server"))
            guard let published = try await catalogStore.publishedCatalog() else {
                throw CommandFailure(message: "the database \(settings.database) holds no catalog yet")
            }
            if let locale {
                let units = try XLIFFFiles.export(published.catalog, locale: locale, revision: published.revision, to: output)
                print("exported \(units) texts of revision \(published.revision) for translation into \(locale) to \(output)")
                return
            }
            let glossary = try await catalogStore.glossary()
            do {
                let directory = LocalizationsDirectory(url: URL(fileURLWithPath: output, isDirectory: true))
                try directory.write(published.catalog, revision: published.revision)
                try directory.writeGlossary(glossary)
            } catch {
                throw CommandFailure(message: "\(error)")
            }
            print("exported revision \(published.revision) to \(output)")
        }
    }

    /// `errata-server import DIR`: edited `Localizations/` files into the draft; `--format xliff FILE`:
    /// a translated XLIFF file.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stage the texts that changed in a Localizations/ directory as draft edits and store their notes for translators and glossary.json, or stage the translations of an XLIFF file; publish them with admin.publish.",
            discussion: """
                Texts edited live since the files' revision, or with a different pending draft edit, are reported as conflicts and left alone (exit code 1). \
                With --format xliff, each unit is reported as changed, unchanged, untranslated, stale (its source text changed since the export), \
                conflict or invalid (refused by the checks admin.setText makes); any stale, conflict or invalid unit makes the exit code 1, and the others are staged. \
                Each staged text's glossary warnings follow it as warning: lines; they do not change the exit code.
                """
        )

        @Option(help: "directory: a Localizations/ directory; xliff: an XLIFF 1.2 file of one locale.")
        var format: CatalogFileFormat = .directory

        @Argument(help: "The Localizations/ directory, or with --format xliff the XLIFF file, to read.")
        var directory: String

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let settings = try await store.settings()
            let catalogStore = try settings.openStore(logger: settings.makeLogger(label: "errata-server"))
            if format == .xliff {
                let report = try await XLIFFFiles.importTranslations(from: directory, into: catalogStore)
                if report.units.contains(where: \.outcome.isRefusal) { throw ExitCode(1) }
                return
            }
            let files: (catalog: Catalog, revision: Int?)
            let glossary: Glossary?
            do {
                let localizations = LocalizationsDirectory(url: URL(fileURLWithPath: directory, isDirectory: true))
                files = try localizations.loadWithRevision()
                glossary = try localizations.loadGlossary(locales: files.catalog.locales)
            } catch {
                throw CommandFailure(message: "\(error)")
            }
            let report: ImportReport
            do {
                report = try await catalogStore.importDraft(files.catalog, glossary: glossary, baseRevision: files.revision, author: "import")
            } catch let error as StoreError {
                throw CommandFailure(message: error.description)
            }
            print("staged \(report.staged.count) text\(report.staged.count == 1 ? "" : "s") in the draft")
            for key in report.staged {
                for line in WarningLines.lines(for: files.catalog.texts[key] ?? "", locale: key.locale, named: key.stringKey, glossary: glossary) {
                    print(line)
                }
            }
            if !report.notesChanged.isEmpty {
                let count = report.notesChanged.count
                print("updated the notes for translators of \(count) entr\(count == 1 ? "y" : "ies")")
            }
            if report.glossaryChanged {
                print(glossary.map { "stored the glossary (\($0.concepts.count) concepts)" } ?? "removed the glossary")
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

/// The files `export` writes and `import` reads: `--format`.
enum CatalogFileFormat: String, CaseIterable, ExpressibleByArgument {
    /// A `Localizations/` directory: `catalog.json` and `Errors.xcstrings`.
    case directory
    /// One locale's texts as an XLIFF 1.2 file.
    case xliff
}
