import ArgumentParser
import ErrataClient
import Foundation

extension Errata {
    /// `errata sync`: brings the cached catalog up to date with an Errata server.
    struct Sync: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: "Update the cached catalog from an Errata server.",
            discussion: """
                Downloads only what changed since the cached revision when the server can tell. \
                A server that requires tokens for reads takes one from ERRATA_TOKEN.
                """
        )

        @Option(help: ArgumentHelp("The Errata server, such as http://127.0.0.1:8080 (default: $ERRATA_SERVER).", valueName: "url"))
        var server: String?

        @OptionGroup var client: ClientOptions

        /// `--server`, else `ERRATA_SERVER`.
        private var serverText: String? {
            server ?? ProcessInfo.processInfo.environment["ERRATA_SERVER"].flatMap { $0.isEmpty ? nil : $0 }
        }

        func validate() throws {
            guard let serverText else {
                throw ValidationError("no server to sync from: pass --server URL or set ERRATA_SERVER")
            }
            guard Self.serverURL(serverText) != nil else {
                throw ValidationError("--server '\(serverText)' must be an http or https URL such as http://127.0.0.1:8080")
            }
        }

        func run() async throws {
            guard let serverText, let url = Self.serverURL(serverText) else { return }  // checked by validate()
            let client = client.makeClient(serverURL: url)
            // No --locale: sync explains nothing, so the environment's language is enough.
            let strings = CLIStrings(
                textsOf: client.snapshot, requested: LocaleOption.fromEnvironment(ProcessInfo.processInfo.environment)
            )
            let outcome: SyncOutcome
            do {
                outcome = try await client.sync()
            } catch {
                throw CommandFailure(strings("sync failed: %@; the cached catalog is unchanged", "\(error)"), status: 1)
            }
            switch outcome {
            case .updated(let from, let to, .delta):
                print(strings("Updated the catalog from revision %1$lld to %2$lld (downloaded the changes).", from, to))
            case .updated(let from, let to, .fullFetch):
                print(strings("Updated the catalog from revision %1$lld to %2$lld (downloaded the whole catalog).", from, to))
            case .unchanged(let revision), .skipped(let revision):
                print(strings("The catalog is up to date (revision %lld).", revision))
            }
        }

        /// `text` as a server URL, if it is an absolute http or https URL with a host.
        private static func serverURL(_ text: String) -> URL? {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased()), url.host != nil else {
                return nil
            }
            return url
        }
    }
}
