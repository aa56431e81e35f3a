import ErrataServer
import ErrataWeb
import Foundation
import Logging
import Testing

@testable import errata_server

/// errata-server's settings, read in process from a command line, an environment and a file: which
/// source wins, how each writes a value, and the one line an invalid value gets.
@Suite struct SettingSourcesTests {
    /// A directory of its own for the test's configuration files.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-settings-\(UUID().uuidString)")

    /// Writes `json` to a configuration file and returns its path.
    func configFile(_ json: String) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("errata.json")
        try Data(json.utf8).write(to: file)
        return file.path
    }

    func sources(_ flags: CommandLineSettings = CommandLineSettings(), environment: [String: String] = [:]) async throws -> SettingSources {
        try await SettingSources(commandLine: flags, environment: environment)
    }

    /// The message of the ``CommandFailure`` that `body` throws.
    func failure(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch let failure as CommandFailure {
            return failure.message
        } catch {
            return "\(error)"
        }
    }

    @Test func aFlagBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try configFile(#"{"port": 3003, "host": "file.example", "log-level": "debug", "trusted-proxies": ["10.0.0.3"]}"#)
        var flags = CommandLineSettings()
        flags.add(Settings.port, "1001")
        let sources = try await sources(flags, environment: ["ERRATA_CONFIG": file, "ERRATA_PORT": "2002", "ERRATA_HOST": "env.example"])
        #expect(try sources.value(of: Settings.port) == 1001)
        #expect(try sources.value(of: Settings.host) == "env.example")
        #expect(try sources.value(of: Settings.logLevel) == .debug)
        #expect(try sources.value(of: Settings.trustedProxies) == [IPAddressRange("10.0.0.3")].compactMap { $0 })
        #expect(try sources.value(of: Settings.database) == "./errata.sqlite")
        #expect(try sources.value(of: Settings.maxBodySize) == 1 << 20)
    }

    @Test func theConfigurationFileComesFromAFlagBeforeTheEnvironment() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try configFile(#"{"database": "/var/lib/errata/errata.sqlite"}"#)
        var flags = CommandLineSettings()
        flags.add(Settings.config, file)
        let sources = try await sources(flags, environment: ["ERRATA_CONFIG": directory.appendingPathComponent("missing.json").path])
        #expect(try sources.value(of: Settings.database) == "/var/lib/errata/errata.sqlite")
    }

    @Test func listsAndSwitchesAsEachSourceWritesThem() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try configFile(#"{"require-read-token": true, "cors-origins": ["https://a.example", "https://b.example"], "max-body-size": "4096"}"#)
        let fromFile = try await sources(environment: ["ERRATA_CONFIG": file])
        #expect(try fromFile.value(of: Settings.requireReadToken))
        #expect(try fromFile.value(of: Settings.corsOrigins) == ["https://a.example", "https://b.example"])
        #expect(try fromFile.value(of: Settings.maxBodySize) == 4096)

        let fromEnvironment = try await sources(environment: ["ERRATA_CONFIG": file, "ERRATA_REQUIRE_READ_TOKEN": "no", "ERRATA_CORS_ORIGINS": "https://c.example, https://d.example"])
        #expect(try !fromEnvironment.value(of: Settings.requireReadToken))
        #expect(try fromEnvironment.value(of: Settings.corsOrigins) == ["https://c.example", "https://d.example"])

        // An empty variable is an empty list, and `--no-require-read-token` turns a switch off.
        var flags = CommandLineSettings()
        flags.add(Settings.requireReadToken, false)
        flags.add(Settings.trustedProxies, ["10.0.0.0/8", "2001:db8::/32"])
        let fromFlags = try await sources(flags, environment: ["ERRATA_CONFIG": file, "ERRATA_REQUIRE_READ_TOKEN": "true", "ERRATA_CORS_ORIGINS": ""])
        #expect(try !fromFlags.value(of: Settings.requireReadToken))
        #expect(try fromFlags.value(of: Settings.corsOrigins) == [])
        #expect(try fromFlags.value(of: Settings.trustedProxies).map(\.description) == ["10.0.0.0/8", "2001:db8::/32"])
    }

    @Test func anInvalidValueIsNamedWithItsSource() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        var flags = CommandLineSettings()
        flags.add(Settings.port, "abc")
        #expect(await failure { _ = try await sources(flags).value(of: Settings.port) } == "--port=abc: port must be an integer 0–65535")
        #expect(
            await failure { _ = try await sources(environment: ["ERRATA_PORT": "abc"]).value(of: Settings.port) }
                == "ERRATA_PORT=abc: port must be an integer 0–65535"
        )
        let file = try configFile(#"{"port": "abc", "idle-timeout": 1.5, "trusted-proxies": "10.0.0.0/8"}"#)
        let fromFile = try await sources(environment: ["ERRATA_CONFIG": file])
        #expect(await failure { _ = try fromFile.value(of: Settings.port) } == "\(file): port=abc: port must be an integer 0–65535")
        #expect(await failure { _ = try fromFile.value(of: Settings.idleTimeout) } == "\(file): idle-timeout: idle-timeout must be an integer 1–86400")
        #expect(await failure { _ = try fromFile.value(of: Settings.trustedProxies) } == "\(file): trusted-proxies: trusted-proxies must be a list of strings")

        // A list names the entry that is wrong.
        #expect(
            await failure { _ = try await sources(environment: ["ERRATA_TRUSTED_PROXIES": "10.0.0.0/8,proxy.example.com"]).value(of: Settings.trustedProxies) }
                == "ERRATA_TRUSTED_PROXIES=proxy.example.com: trusted-proxies must be addresses or CIDR ranges such as 10.0.0.0/8 or 2001:db8::/32"
        )
        #expect(
            await failure { _ = try await sources(environment: ["ERRATA_PUBLIC_URL": "errata.example.com"]).value(of: Settings.publicURL) }
                == "ERRATA_PUBLIC_URL=errata.example.com: public-url must be an absolute http or https URL with a host and no query, fragment or user information"
        )
    }

    @Test func aConfigurationFileThatCannotBeReadIsNamed() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.json").path
        let message = await failure { _ = try await sources(environment: ["ERRATA_CONFIG": missing]) }
        #expect(message?.hasPrefix("ERRATA_CONFIG=\(missing): not a readable JSON object of settings") == true, "\(message ?? "")")
        let notAnObject = try configFile("[8080]")
        var flags = CommandLineSettings()
        flags.add(Settings.config, notAnObject)
        let objection = await failure { _ = try await sources(flags) }
        #expect(objection?.hasPrefix("--config=\(notAnObject): not a readable JSON object of settings") == true, "\(objection ?? "")")
    }

    @Test func variablesALetterOrTwoFromASettingAreFound() {
        let environment = [
            "ERRATA_DATABSE": "x", "ERRATA_DATABASE": "x", "ERRATA_PROT": "1", "ERRATA_LOG_LEVELS": "debug",
            "ERRATA_DOCS": "1", "ERRATA_URL": "http://127.0.0.1:8080", "ERRATA_TOKEN": "t", "HOME": "/root",
        ]
        let misspelt = SettingSources.misspeltVariables(in: environment)
        #expect(misspelt.map(\.variable) == ["ERRATA_DATABSE", "ERRATA_LOG_LEVELS", "ERRATA_PROT"])
        #expect(misspelt.map(\.setting) == ["ERRATA_DATABASE", "ERRATA_LOG_LEVEL", "ERRATA_PORT"])
    }

    @Test func eachSettingsVariableIsItsKeyUpperCased() {
        #expect(Settings.maxBodySize.environmentVariable == "ERRATA_MAX_BODY_SIZE")
        #expect(Settings.corsOrigins.environmentVariable == "ERRATA_CORS_ORIGINS")
        #expect(Settings.corsOrigins.flag == "cors-origin")
        #expect(Settings.publicURL.defaultValue == DocsLinks())
    }
}
