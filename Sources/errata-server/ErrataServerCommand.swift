import ArgumentParser
import Foundation

/// `errata-server`: runs the Errata catalog service and manages its database.
@main
struct ErrataServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errata-server",
        abstract: "Serves localized explanations of storage error codes over JSON-RPC and REST.",
        subcommands: [Serve.self, Token.self, Export.self, Import.self, Compact.self, Snapshot.self, Backup.self, Restore.self],
        defaultSubcommand: Serve.self
    )

    /// Runs the command line, reporting every user error as one line on stderr with exit code 2.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CommandFailure {
            fail(error.message)
        } catch let code as ExitCode {
            exit(withError: code)  // a subcommand that already reported, such as import with conflicts
        } catch {
            if exitCode(for: error) == .success {
                exit(withError: error)  // --help and --version print and exit 0
            }
            fail(message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)")
        }
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("errata-server: \(message)\n".utf8))
        exit(withError: ExitCode(2))
    }
}

/// A failure to report to the operator as one line, such as an unreadable file.
struct CommandFailure: Error {
    var message: String
}
