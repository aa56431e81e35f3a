import ArgumentParser
import ErrataClient
import ErrataCore

extension Errata {
    /// `errata explain CODE`: the message, what to do, the HTTP status and retry advice for one code.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            // Named here, not derived from the type: deriving it costs `String(describing:)` of the type, a
            // runtime metadata lookup that was 4 % of an `errata explain`.
            commandName: "explain",
            abstract: "Explain an error code: what happened, what to do, and whether to retry.",
            // Written out because ArgumentParser does not wrap the generated line to 80 columns.
            usage: """
                errata explain <code> [--variant <variant>] [--status <n>]
                               [--locale <tag>] [--json] [--cache-dir <directory>]
                """,
            discussion: """
                Works offline, from the cached catalog or the one bundled with errata. A code the catalog does \
                not know gets the generic explanation of its HTTP status (--status, else a client error) and exit status 1.
                """
        )

        @Argument(help: "The error code, such as NoSuchKey.")
        var code: String

        @Option(help: "The variant of a code with several meanings, such as acl for BucketNotEmpty.")
        var variant: String?

        @Option(name: .customLong("status"), help: ArgumentHelp("The HTTP status the code came with; it picks the generic explanation of a code the catalog does not know.", valueName: "n"))
        var httpStatus: Int?

        @OptionGroup var locale: LocaleOption

        @Flag(help: "Print the explanation as one line of JSON.")
        var json = false

        @OptionGroup var client: ClientOptions

        func validate() throws {
            if let httpStatus, !(100...599).contains(httpStatus) {
                throw ValidationError("--status must be between 100 and 599")
            }
        }

        func run() throws {
            let client = client.makeClient()
            let strings = locale.strings(for: client)
            do throws(CatalogLookupError) {
                let description = try client.describe(
                    code: ErrorCode(code), variant: variant.map { VariantName($0) }, locale: locale.requested()
                )
                write(description, strings: strings)
            } catch .unknownCode(let code, let suggestions) {
                // Still useful: the generic explanation of the status class, then exit 1 with the suggestions.
                let response = StorageErrorResponse(code: code, httpStatus: httpStatus)
                if let generic = client.storageError(response, locale: locale.requested()).genericExplanation {
                    write(generic, strings: strings)
                }
                throw CommandFailure(.unknownCode(code, suggestions: suggestions), strings: strings)
            } catch {
                throw CommandFailure(error, strings: strings)
            }
        }

        private func write(_ description: ErrorDescription, strings: CLIStrings) {
            if json {
                print(String(decoding: CanonicalJSON.encode(description), as: UTF8.self))
            } else {
                let output = TerminalOutput()
                output.write(ExplanationText(output: output, strings: strings).lines(for: description))
            }
        }
    }
}
