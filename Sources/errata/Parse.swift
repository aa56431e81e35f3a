import ArgumentParser
import ErrataClient
import ErrataCore
import Foundation

extension Errata {
    /// `errata parse [FILE|-] [--header NAME:VALUE…] [--status N]`: explains a raw storage error response.
    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain a raw storage error response: its body (XML or JSON), its headers, or both.",
            usage: "errata parse [<file>] [--header <header> ...] [--status <n>] [<options>]",
            discussion: """
                For example: curl -s https://storage.example.com/bucket/key | errata parse
                A HEAD has no body: errata parse --status 404 --header 'x-amz-error-code: NoSuchKey'
                """
        )

        @Argument(help: ArgumentHelp("The file holding the response body; - reads standard input (the default without --header).", valueName: "file"))
        var file: String?

        @Option(name: .customLong("header"), help: ArgumentHelp("A response header, such as 'x-amz-request-id: 4442587FB7D0A2F9'; repeatable.", valueName: "header"))
        var headerLines: [String] = []

        @Option(name: .customLong("status"), help: ArgumentHelp("The response's HTTP status, such as 404.", valueName: "n"))
        var httpStatus: Int?

        @OptionGroup var locale: LocaleOption

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
            let error: StorageError
            do {
                error = try client.storageError(responseBody: body, headers: headers, httpStatus: httpStatus, locale: locale.requested())
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
            let output = TerminalOutput()
            let text = ExplanationText(output: output, strings: strings)
            guard let explanation = error.explanation else {
                // Still show what the service said, then fail with the catalog's suggestions.
                output.write(TextWrapping.wrap(error.description, width: TerminalOutput.width) + text.lines(for: Self.details(of: error.response)))
                guard !error.code.rawValue.isEmpty else { throw CommandFailure(strings("the response names no error code"), status: 1) }
                let suggestions = client.snapshot.suggestions(for: error.code.rawValue)
                throw CommandFailure(.unknownCode(error.code, suggestions: suggestions), strings: strings)
            }
            output.write(text.lines(for: explanation, details: Self.details(of: error.response)))
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
