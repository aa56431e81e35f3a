import ArgumentParser
import ErrataClient
import ErrataCore

extension Errata {
    /// `errata list`: one line per error code, optionally filtered by category or HTTP status.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List error codes with their HTTP status and message.",
            // Written out because ArgumentParser does not wrap the generated line to 80 columns.
            usage: """
                errata list [--category <category>] [--status <status>] [--locale <tag>]
                            [--json] [--cache-dir <directory>]
                """
        )

        @Option(help: "Only codes of this category, such as auth, throttling or upload.")
        var category: String?

        @Option(help: "Only codes answered with this HTTP status, such as 404.")
        var status: Int?

        @OptionGroup var locale: LocaleOption

        @Flag(help: "Print the entries as a JSON array.")
        var json = false

        @OptionGroup var client: ClientOptions

        func validate() throws {
            if let status, !(100...999).contains(status) {
                throw ValidationError("--status must be an HTTP status such as 404, not \(status)")
            }
        }

        func run() throws {
            let client = client.makeClient()
            let categories = Set(client.snapshot.entries.map(\.category)).sorted()
            let category = category.map(ErrorCategory.init(rawValue:))
            if let category, !categories.contains(category) {
                let known = categories.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--category '\(category)' is not one of \(known)")
            }
            let entries = client.list(locale: locale.requested(), category: category, httpStatus: status)
            guard !json else {
                print(String(decoding: CanonicalJSON.encode(entries), as: UTF8.self))
                return
            }
            let strings = locale.strings(for: client)
            if entries.isEmpty {
                TerminalOutput.printError(strings("no error code matches"))
            } else {
                let output = TerminalOutput()
                output.write(Self.table(entries, output: output, strings: strings))
            }
        }

        /// A header in the entries' language and one row per entry: code, status and the message cut to fit the width.
        static func table(_ entries: [ErrorDescription], output: TerminalOutput, strings: CLIStrings) -> [String] {
            let header = (code: strings("CODE"), status: strings("HTTP"), message: strings("MESSAGE"))
            let keys = entries.map { EntryKey(code: $0.code, variant: $0.variant).description }
            let codeWidth = ([header.code] + keys).map(TextWrapping.columns).max() ?? 0
            let statusWidth = max(TextWrapping.columns(header.status), 3)
            let messageWidth = TerminalOutput.width - codeWidth - 2 - statusWidth - 2
            func row(_ code: String, _ status: String, _ message: String) -> String {
                let codePadding = String(repeating: " ", count: codeWidth - TextWrapping.columns(code))
                let statusPadding = String(repeating: " ", count: statusWidth - TextWrapping.columns(status))
                return "\(code)\(codePadding)  \(status)\(statusPadding)  \(TextWrapping.truncate(message, to: messageWidth))"
            }
            return [output.bold(row(header.code, header.status, header.message))]
                + zip(keys, entries).map { row($0, String($1.httpStatus), $1.message) }
        }
    }
}
