import ArgumentParser
import ErrataClient
import Foundation

/// The options every subcommand shares to open the client.
struct ClientOptions: ParsableArguments {
    @Option(
        name: .customLong("cache-dir"),
        help: ArgumentHelp(
            "The directory of the cached catalog (default: $XDG_CACHE_HOME/errata or ~/.cache/errata).",
            valueName: "directory"
        )
    )
    var cacheDirectory: String?

    /// A client on the cache, printing its warnings (such as a discarded cache) to stderr.
    ///
    /// - Parameter serverURL: The server to sync from, for `errata sync`.
    func makeClient(serverURL: URL? = nil) -> ErrataClient {
        ErrataClient(configuration: ClientConfiguration(
            serverURL: serverURL,
            // From the environment only: a token on the command line would show in `ps` and shell history.
            accessToken: ProcessInfo.processInfo.environment["ERRATA_TOKEN"].flatMap { $0.isEmpty ? nil : $0 },
            cacheDirectory: cacheDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) },
            // `errata sync` is an explicit request: always ask the server.
            minimumSyncInterval: 0,
            warningHandler: { TerminalOutput.printError("warning: \($0)") }
        ))
    }
}
