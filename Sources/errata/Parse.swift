import ArgumentParser
import ErrataClient
import ErrataCore
import Foundation

extension Errata {
    /// `errata parse [FILE|-]`: explains a raw storage error response, XML or JSON.
    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain a raw storage error response (XML or JSON) from a file or standard input.",
            discussion: "For example: curl -s https://storage.example.com/bucket/key | errata parse"
        )

        @Argument(help: ArgumentHelp("The file holding the response body; - reads standard input.", valueName: "file"))
        var file: String = "-"

        @OptionGroup var locale: LocaleOption

        @OptionGroup var client: ClientOptions

        func run() throws {
            let body = try readBody()
            let client = client.makeClient()
            guard let error = client.storageError(responseBody: body, locale: locale.requested()) else {
                let source = file == "-" ? "standard input" : file
                throw CommandFailure("\(source) is not a storage error response (XML <Error> or JSON with a code)", status: 1)
            }
            let output = TerminalOutput()
            guard let explanation = error.explanation else {
                // Still show what the service said, then fail with the catalog's suggestions.
                output.write(TextWrapping.wrap(error.description, width: TerminalOutput.width))
                let suggestions = client.snapshot.suggestions(for: error.code.rawValue)
                throw CommandFailure(.unknownCode(error.code, suggestions: suggestions))
            }
            output.write(ExplanationText(output: output).lines(for: explanation, requestID: error.response.requestID))
        }

        private func readBody() throws -> Data {
            guard file != "-" else { return FileHandle.standardInput.readDataToEndOfFile() }
            do {
                return try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CommandFailure("cannot read \(file): \((error as NSError).localizedDescription)", status: 2)
            }
        }
    }
}
