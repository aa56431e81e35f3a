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
        var standardError: String
    }

    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, standardError: String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: [
        (["--port", "70000"], "--port"),
        (["--port", "http"], "port"),
        (["--no-such-flag"], "--no-such-flag"),
        (["--cors-origin", "console.example.com/"], "--cors-origin"),
        (["--log-level", "loud"], "log-level"),
        (["--trusted-proxy", "10.0.0.0/33"], "--trusted-proxy"),
        (["--trusted-proxy", "proxy.example.com"], "--trusted-proxy"),
        (["--idle-timeout", "0"], "--idle-timeout"),
    ])
    func badFlagsFailWithOneLineAndExitCodeTwo(arguments: [String], named: String) throws {
        let outcome = try run(arguments)
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

        let noDirectory = try run(["--database", directory.appendingPathComponent("missing/errata.sqlite").path])
        #expect(noDirectory.status == 2)
        #expect(noDirectory.standardError.contains("missing"))

        let notADatabase = directory.appendingPathComponent("junk.sqlite")
        try Data(repeating: 0x41, count: 4_096).write(to: notADatabase)
        let junk = try run(["--database", notADatabase.path])
        #expect(junk.status == 2)
        #expect(junk.standardError.contains("junk.sqlite"))

        let noCatalog = try run([
            "--database", directory.appendingPathComponent("fresh.sqlite").path,
            "--localizations", directory.appendingPathComponent("nowhere").path,
        ])
        #expect(noCatalog.status == 2)
        #expect(noCatalog.standardError.contains("catalog.json"))
        #expect(noCatalog.standardError.split(separator: "\n").last?.hasPrefix("errata-server: ") == true)
    }

    @Test func helpExitsZero() throws {
        #expect(try run(["--help"]).status == 0)
    }
}
