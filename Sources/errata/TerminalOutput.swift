import Foundation

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Where `errata` writes: 80 columns at most, bold headings only on a terminal.
struct TerminalOutput {
    /// The width every line fits in, so output reads well in any terminal and in logs.
    static let width = 80

    /// Whether to emit ANSI styling: stdout is a terminal, and neither `NO_COLOR` nor `TERM=dumb` asks for plain text.
    let styled: Bool

    /// Output for this process's stdout.
    ///
    /// - Parameter environment: The process environment, read for `NO_COLOR` and `TERM`.
    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        styled = isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    /// `text` in bold on a terminal, unchanged otherwise.
    func bold(_ text: String) -> String {
        styled ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    /// Prints lines to stdout.
    func write(_ lines: [String]) {
        for line in lines { print(line) }
    }

    /// Prints `errata: <message>` to stderr.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("errata: \(message)\n".utf8))
    }
}
