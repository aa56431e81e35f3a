import ArgumentParser
import ErrataCore
import Foundation

extension ErrataServerCommand {
    /// `errata-server snapshot`: writes `Localizations/` as the catalog document clients bundle.
    struct Snapshot: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write Localizations/ as a catalog document (revision 0) for ErrataClient's bundled snapshot.",
            discussion: "Run after editing Localizations/: errata-server snapshot --output Sources/ErrataClient/Resources/catalog-snapshot.json"
        )

        @Option(help: "The Localizations/ directory to read.")
        var localizations: String = "./Localizations"

        @Option(help: "The file to write.")
        var output: String

        func run() throws {
            let catalog: Catalog
            do {
                catalog = try LocalizationsDirectory(url: URL(fileURLWithPath: localizations, isDirectory: true)).load()
            } catch {
                throw CommandFailure(message: "\(error)")
            }
            let problems = CatalogValidator.problems(in: catalog)
            guard problems.isEmpty else {
                throw CommandFailure(message: "\(localizations) is invalid: \(problems[0])\(problems.count > 1 ? " (and \(problems.count - 1) more)" : "")")
            }
            // Revision 0: not published by any server, so the first sync asks for every change.
            var data = CanonicalJSON.encode(CatalogDocument(catalog: catalog, revision: 0))
            data.append(UInt8(ascii: "\n"))
            do {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CommandFailure(message: "cannot write \(output): \(error.localizedDescription)")
            }
        }
    }
}
