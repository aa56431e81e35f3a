import ArgumentParser
import ErrataClient
import ErrataCore
import Foundation

extension Errata {
    /// `errata parse [FILE|-] [--header NAME:VALUE…] [--status N]`: explains a raw storage error response.
    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parse",
            abstract: "Explain a raw storage error response: its body (XML or JSON), its headers, or both.",
            // Written out because ArgumentParser does not wrap the generated line to 80 columns.
            usage: """
                errata parse [<file>] [--header <header> ...] [--status <n>] [--json]
                             [<options>]
                """,
            discussion: """
                For example: curl -s https://storage.example.com/bucket/key | errata parse
                A HEAD has no body: errata parse --status 404 --header 'x-amz-error-code: NoSuchKey'
                A code the catalog does not know gets the generic explanation of its HTTP status and exit status 1.
                """
        )

        @Argument(help: ArgumentHelp("The file holding the response body; - reads standard input (the default without --header).", valueName: "file"))
        var file: String?

        @Option(name: .customLong("header"), help: ArgumentHelp("A response header, such as 'x-amz-request-id: 4442587FB7D0A2F9'; repeatable.", valueName: "header"))
        var headerLines: [String] = []

        @Option(name: .customLong("status"), help: ArgumentHelp("The response's HTTP status, such as 404.", valueName: "n"))
        var httpStatus: Int?

        @OptionGroup var locale: LocaleOption

        @Flag(help: "Print the explanation as one line of JSON, as errors.explain answers it.")
        var json = false

        @OptionGroup var client: ClientOptions

        func validate() throws {
            if let httpStatus, !(100...599).contains(httpStatus) {
                throw ValidationError("--status must be between 100 and 599")
            }
            for line in headerLines where !line.contains(":") {
                throw ValidationError("--header takes 'name: value', not '\(line.prefix(64))'")
            }
        }

        func run() throws {
            let client = client.makeClient()
            let strings = locale.strings(for: client)
            let source = file ?? (headerLines.isEmpty ? "-" : nil)
            let body = try source.map { try readBody($0, strings: strings) }
            let response: StorageResponse
            do {
                response = try StorageResponse(body: body, headers: headers, httpStatus: httpStatus)
            } catch {
                let reason = "\(error)"
                let message =
                    switch source {
                    case "-": strings("standard input is not a storage error response: %@", reason)
                    case let file?: strings("%1$@ is not a storage error response: %2$@", file, reason)
                    case nil: strings("the headers are not a storage error response: %@", reason)
                    }
                throw CommandFailure(message, status: 1)
            }
            let error = client.storageError(StorageErrorResponse(response), locale: locale.requested())
            let description = error.explanation ?? error.genericExplanation
            if json {
                let body = ExplanationBody.encode(
                    description: description.map(CanonicalJSON.encode), known: error.explanation != nil, response: response,
                    suggestions: error.suggestions
                )
                print(String(decoding: body, as: UTF8.self))
            } else {
                let output = TerminalOutput()
                let text = ExplanationText(output: output, strings: strings)
                let details = Self.details(of: error.response)
                output.write(
                    description.map { description in
                        // What this service said, rather than the catalog's copy of what it usually says.
                        var shown = description
                        shown.serviceMessage = error.response.message ?? description.serviceMessage
                        return text.lines(for: shown, details: details)
                    }
                        ?? TextWrapping.wrap(error.description, width: TerminalOutput.width) + text.lines(for: details)
                )
            }
            // A generic answer is still printed, but the code is not the catalog's: exit 1, with suggestions.
            guard error.explanation == nil else { return }
            guard !error.code.rawValue.isEmpty else { throw CommandFailure(strings("the response names no error code"), status: 1) }
            throw CommandFailure(.unknownCode(error.code, suggestions: error.suggestions), strings: strings)
        }

        /// The `--header` lines as a dictionary, names and values trimmed.
        private var headers: [String: String] {
            var headers: [String: String] = [:]
            for line in headerLines {
                let parts = line.split(separator: ":", maxSplits: 1)
                headers[parts[0].trimmingCharacters(in: .whitespaces)] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            }
            return headers
        }

        /// What the response carried that support asks for, labeled, those it did not carry left out.
        private static func details(of response: StorageErrorResponse) -> [(label: ExplanationText.Label, value: String)] {
            let all: [(ExplanationText.Label, String?)] = [
                (.requestID, response.requestID), (.hostID, response.hostID), (.bucket, response.bucket),
                (.key, response.key), (.resource, response.resource),
            ]
            return all.compactMap { label, value in value.map { (label, $0) } }
        }

        private func readBody(_ file: String, strings: CLIStrings) throws -> Data {
            guard file != "-" else { return FileHandle.standardInput.readDataToEndOfFile() }
            do {
                return try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CommandFailure(strings("cannot read %1$@: %2$@", file, (error as NSError).localizedDescription), status: 2)
            }
        }
    }
}
