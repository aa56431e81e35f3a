import ArgumentParser
import Foundation

/// `errata`: explains storage error codes in the user's language, offline from a cached catalog.
@main
struct Errata: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errata",
        abstract: "Explain storage error codes in your language, online or offline.",
        discussion: "Exit status: 0 on success, 1 for an unknown code or a failed sync, 2 for a usage error.",
        subcommands: [Explain.self, List.self, Sync.self, Parse.self]
    )

    /// Runs the command line: a ``CommandFailure`` exits with its own status, any other error is a
    /// usage error reported as one line with exit status 2, as `errata-server` does.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            fail(failure.message, status: failure.status)
        } catch {
            if exitCode(for: error) == .success {
                exit(withError: error)  // --help and --version print and exit 0
            }
            fail(message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)", status: 2)
        }
    }

    private static func fail(_ message: String, status: Int32) -> Never {
        TerminalOutput.printError(message)
        exit(withError: ExitCode(status))
    }
}
