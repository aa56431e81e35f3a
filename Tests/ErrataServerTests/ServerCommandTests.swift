import ErrataTestSupport
import Foundation
import Testing

/// The `errata-server` executable as an operator meets it: flags, exit codes, messages.
@Suite struct ServerCommandTests {
    /// The built `errata-server`, next to the test bundle in the build directory.
    static let executable: URL = {
        var directory = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("errata-server").path),
            directory.pathComponents.count > 1
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("errata-server")
    }()

    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// This process's environment without its `ERRATA_*` variables, and then `variables`: a test's
    /// `errata-server` reads only the settings the test gives it.
    static func environment(_ variables: [String: String]) -> [String: String] {
        ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ERRATA_") }.merging(variables) { _, given in given }
    }

    /// Runs `errata-server` with `arguments` and the environment ``environment(_:)`` makes of `variables`.
    static func run(_ arguments: [String], environment variables: [String: String] = [:]) throws -> Outcome {
        let run = try CapturedRun(executable: executable, arguments: arguments, environment: environment(variables))
        defer { run.remove() }
        let status = run.process.waitUntilExit()
        return Outcome(status: status, standardOutput: run.output, standardError: run.errors)
    }

    @Test(arguments: [
        (["--port", "70000"], "--port"),
        (["--port", "http"], "port"),
        (["--no-such-flag"], "--no-such-flag"),
        (["--cors-origin", "console.example.com/"], "--cors-origin"),
        (["--log-level", "loud"], "log-level"),
        (["--log-format", "yaml"], "log-format"),
        (["--trusted-proxy", "10.0.0.0/33"], "--trusted-proxy"),
        (["--trusted-proxy", "proxy.example.com"], "--trusted-proxy"),
        (["--idle-timeout", "0"], "--idle-timeout"),
        (["--max-auth-failures", "0"], "--max-auth-failures"),
        (["--grace-period", "0"], "--grace-period"),
        (["--public-url", "errata.example.com"], "--public-url"),
        (["--public-url", "ftp://errata.example.com"], "--public-url"),
        (["--public-url", "https://errata.example.com/?mirror=1"], "--public-url"),
    ])
    func badFlagsFailWithOneLineAndExitCodeTwo(arguments: [String], named: String) throws {
        let outcome = try Self.run(arguments)
        #expect(outcome.status == 2)
        let lines = outcome.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome.standardError)")
        #expect(lines.first?.hasPrefix("errata-server: ") == true)
        #expect(outcome.standardError.contains(named))
    }

    @Test func unreadableFilesFailWithOneLineAndExitCodeTwo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let noDirectory = try Self.run(["--database", directory.appendingPathComponent("missing/errata.sqlite").path])
        #expect(noDirectory.status == 2)
        #expect(noDirectory.standardError.contains("missing"))

        let notADatabase = directory.appendingPathComponent("junk.sqlite")
        try Data(repeating: 0x41, count: 4_096).write(to: notADatabase)
        let junk = try Self.run(["--database", notADatabase.path])
        #expect(junk.status == 2)
        #expect(junk.standardError.contains("junk.sqlite"))

        let noCatalog = try Self.run([
            "--database", directory.appendingPathComponent("fresh.sqlite").path,
            "--localizations", directory.appendingPathComponent("nowhere").path,
        ])
        #expect(noCatalog.status == 2)
        #expect(noCatalog.standardError.contains("catalog.json"))
        #expect(noCatalog.standardError.split(separator: "\n").last?.hasPrefix("errata-server: ") == true)
    }

    @Test func helpExitsZero() throws {
        #expect(try Self.run(["--help"]).status == 0)
    }
}
