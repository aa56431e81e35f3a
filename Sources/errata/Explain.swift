import ArgumentParser
import ErrataClient
import ErrataCore

extension Errata {
    /// `errata explain CODE`: the message, what to do, the HTTP status and retry advice for one code.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain an error code: what happened, what to do, and whether to retry.",
            // Written out because ArgumentParser does not wrap the generated line to 80 columns.
            usage: """
                errata explain <code> [--variant <variant>] [--locale <tag>] [--json]
                               [--cache-dir <directory>]
                """,
            discussion: "Works offline, from the cached catalog or the one bundled with errata."
        )

        @Argument(help: "The error code, such as NoSuchKey.")
        var code: String

        @Option(help: "The variant of a code with several meanings, such as acl for BucketNotEmpty.")
        var variant: String?

        @OptionGroup var locale: LocaleOption

        @Flag(help: "Print the explanation as one line of JSON.")
        var json = false

        @OptionGroup var client: ClientOptions

        func run() throws {
            let client = client.makeClient()
            let description: ErrorDescription
            do throws(CatalogLookupError) {
                description = try client.describe(
                    code: ErrorCode(code), variant: variant.map { VariantName($0) }, locale: locale.requested()
                )
            } catch {
                throw CommandFailure(error, strings: locale.strings(for: client))
            }
            if json {
                print(String(decoding: CanonicalJSON.encode(description), as: UTF8.self))
            } else {
                let output = TerminalOutput()
                output.write(ExplanationText(output: output, strings: locale.strings(for: client)).lines(for: description))
            }
        }
    }
}
