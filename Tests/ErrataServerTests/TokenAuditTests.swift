import ErrataCore
import Foundation
import Testing

/// `errata-server token create|revoke --log-format json`: an audit line naming the token, never its value.
@Suite struct TokenAuditTests {
    func run(_ arguments: [String]) throws -> ServerCommandTests.Outcome {
        let outcome = try ServerCommandTests.run(arguments)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return outcome
    }

    /// The JSON log line with `message`, failing the test unless there is exactly one.
    func line(_ message: String, in log: String) throws -> JSONValue {
        let lines = try log.split(separator: "\n").map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        return try #require(lines.filter { $0["message"] == .string(message) }.only)
    }

    @Test func createAndRevokeAreAuditedWithoutTheTokenValue() throws {
        let directory = try ServerProcessLifecycleTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = ["--database", directory.appendingPathComponent("errata.sqlite").path, "--log-format", "json"]

        let created = try run(["token", "create", "--name", "ci-bot", "--scope", "publish"] + database)
        let token = created.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("errata_"))
        #expect(!created.standardError.contains(token))
        let audit = try line("Created token", in: created.standardError)
        #expect(audit["level"] == "notice")
        #expect(audit["label"] == "errata-server")
        #expect(audit["metadata"]?["audit.token"] == "ci-bot")
        #expect(audit["metadata"]?["audit.scope"] == "publish")
        #expect(audit["timestamp"] != nil)

        let revoked = try run(["token", "revoke", "ci-bot"] + database)
        let revocation = try line("Revoked token", in: revoked.standardError)
        #expect(revocation["metadata"]?["audit.token"] == "ci-bot")
        #expect(revocation["metadata"]?["audit.scope"] == "publish")
    }
}
