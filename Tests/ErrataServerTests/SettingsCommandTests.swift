import ErrataCore
import Foundation
import Testing

/// errata-server's settings as an operator gives them to the real executable: flags, `ERRATA_*`
/// variables and a `--config` file, for `serve` and for the subcommands that open its database.
@Suite struct SettingsCommandTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-settings-cmd-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Writes `json` as `name` in the test's directory and returns its path.
    func configFile(_ json: String, name: String = "errata.json") throws -> String {
        let file = directory.appendingPathComponent(name)
        try Data(json.utf8).write(to: file)
        return file.path
    }

    /// The host `serve` listens on, started with `arguments` and `environment` and stopped again.
    func listeningHost(_ arguments: [String] = [], environment: [String: String]) async throws -> String? {
        let server = try await ServerProcess(database: nil, localizations: TestService.localizations, arguments: arguments, environment: environment)
        defer { server.stop() }
        return server.baseURL.host
    }

    @Test func serveTakesASettingFromItsFlagThenItsVariableThenTheFileThenItsDefault() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = ["ERRATA_DATABASE": directory.appendingPathComponent("errata.sqlite").path]
        let file = try configFile(#"{"host": "127.0.0.2"}"#)
        #expect(try await listeningHost(environment: database) == "127.0.0.1")
        #expect(try await listeningHost(environment: database.merging(["ERRATA_CONFIG": file]) { $1 }) == "127.0.0.2")
        let environment = database.merging(["ERRATA_CONFIG": file, "ERRATA_HOST": "127.0.0.3"]) { $1 }
        #expect(try await listeningHost(environment: environment) == "127.0.0.3")
        #expect(try await listeningHost(["--host", "127.0.0.4"], environment: environment) == "127.0.0.4")
    }

    @Test func subcommandsOpenTheDatabaseServeOpensFromTheSameEnvironment() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let environment = ["ERRATA_DATABASE": data.appendingPathComponent("errata.sqlite").path]
        let server = try await ServerProcess(database: nil, localizations: TestService.localizations, environment: environment)
        defer { server.stop() }

        let created = try ServerCommandTests.run(["token", "create", "--name", "ops", "--scope", "admin"], environment: environment)
        #expect(created.status == 0, "\(created.standardError)")
        let token = created.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let whoami = try await HTTPJSONClient(baseURL: server.baseURL, token: token).call("session.whoami", .array([]))
        #expect(whoami["result"]?["name"] == "ops", "the server knows the token: the same database")

        let backup = try ServerCommandTests.run(["backup", "--output", directory.appendingPathComponent("backup.sqlite").path], environment: environment)
        #expect(backup.status == 0, "\(backup.standardError)")
        #expect(backup.standardOutput.hasPrefix("backed up revision 1 to "))

        // The file names the database too; a flag wins over both.
        let file = try configFile(#"{"database": "\#(environment["ERRATA_DATABASE"]!)"}"#)
        let listed = try ServerCommandTests.run(["token", "list"], environment: ["ERRATA_CONFIG": file])
        #expect(listed.standardOutput.contains("ops\tadmin"), "\(listed.standardError)")
        let elsewhere = directory.appendingPathComponent("other.sqlite").path
        let other = try ServerCommandTests.run(["token", "list", "--database", elsewhere], environment: environment.merging(["ERRATA_CONFIG": file]) { $1 })
        #expect(other.status == 0, "\(other.standardError)")
        #expect(!other.standardOutput.contains("ops"))
    }

    @Test func aMisspeltVariableGetsAWarning() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("errata.sqlite").path
        let listed = try ServerCommandTests.run(
            ["token", "list"], environment: ["ERRATA_DATABASE": database, "ERRATA_DATABSE": "/elsewhere.sqlite", "ERRATA_URL": "http://127.0.0.1:8080"]
        )
        #expect(listed.status == 0)
        #expect(listed.standardError == "errata-server: warning: ERRATA_DATABSE is not a setting; did you mean ERRATA_DATABASE?\n")
        #expect(FileManager.default.fileExists(atPath: database))
    }

    @Test func anInvalidValueFromAnySourceEndsTheCommandWithOneLineAndExitCodeTwo() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try configFile(#"{"port": "abc"}"#)
        let logFile = try configFile(#"{"log-format": "yaml"}"#, name: "log.json")
        let cases: [(arguments: [String], environment: [String: String], line: String)] = [
            (["serve", "--port", "abc"], [:], "errata-server: --port=abc: port must be an integer 0–65535"),
            (["serve"], ["ERRATA_PORT": "abc"], "errata-server: ERRATA_PORT=abc: port must be an integer 0–65535"),
            (["serve", "--config", file], [:], "errata-server: \(file): port=abc: port must be an integer 0–65535"),
            (["token", "list"], ["ERRATA_CONFIG": logFile], "errata-server: \(logFile): log-format=yaml: log-format must be one of text, json"),
            (["backup", "--output", "backup.sqlite"], ["ERRATA_LOG_LEVEL": "loud"],
             "errata-server: ERRATA_LOG_LEVEL=loud: log-level must be one of trace, debug, info, notice, warning, error, critical"),
            (["serve"], ["ERRATA_REQUIRE_READ_TOKEN": "maybe"], "errata-server: ERRATA_REQUIRE_READ_TOKEN=maybe: require-read-token must be true or false"),
        ]
        for (arguments, environment, line) in cases {
            let outcome = try ServerCommandTests.run(arguments, environment: environment)
            #expect(outcome.status == 2, "\(arguments) \(environment)")
            #expect(outcome.standardError == line + "\n")
        }
    }
}
