import ArgumentParser
import ErrataCore
import Foundation

extension ErrataServerCommand {
    /// `errata-server snapshot`: writes `Localizations/` as the catalog document clients bundle.
    struct Snapshot: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write Localizations/ as the catalog document ErrataClient bundles, at the revision the files were exported from.",
            discussion: "Run after editing Localizations/: errata-server snapshot --output Sources/ErrataClient/Resources/catalog-snapshot.json"
        )

        @Option(help: "The Localizations/ directory to read.")
        var localizations: String = "./Localizations"

        @Option(help: "The file to write.")
        var output: String

        func run() throws {
            let catalog: Catalog
            let revision: Int?
            do {
                (catalog, revision) = try LocalizationsDirectory(url: URL(fileURLWithPath: localizations, isDirectory: true)).loadWithRevision()
            } catch {
                throw CommandFailure(message: "\(error)")
            }
            let problems = CatalogValidator.problems(in: catalog)
            guard problems.isEmpty else {
                throw CommandFailure(message: "\(localizations) is invalid: \(problems[0])\(problems.count > 1 ? " (and \(problems.count - 1) more)" : "")")
            }
            // Files exported by `errata-server export` name the revision they are, so a client starting
            // from them syncs only what was published since. Hand-written files were published by no
            // server: revision 0, so the first sync asks for every change.
            var data = CanonicalJSON.encode(CatalogDocument(catalog: catalog, revision: revision ?? 0))
            data.append(UInt8(ascii: "\n"))
            do {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CommandFailure(message: "cannot write \(output): \(error.localizedDescription)")
            }
        }
    }
}
