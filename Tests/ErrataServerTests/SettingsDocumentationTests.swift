import Foundation
import Testing

@testable import errata_server

/// README's settings table says what the definitions in `Sources/errata-server/Settings/` do.
@Suite struct SettingsDocumentationTests {
    /// A setting as the table shows it.
    struct Row: Equatable, CustomStringConvertible {
        var key: String
        var flag: String
        var variable: String
        var shownDefault: String

        init<Value>(_ setting: Setting<Value>) {
            key = setting.key
            flag = setting.flag
            variable = setting.environmentVariable
            shownDefault = setting.defaultDescription
        }

        var description: String { "\(key) --\(flag) \(variable) \(shownDefault)" }
    }

    static let settings: [Row] = [
        Row(Settings.config), Row(Settings.database), Row(Settings.logLevel), Row(Settings.logFormat),
        Row(Settings.host), Row(Settings.port), Row(Settings.localizations), Row(Settings.corsOrigins),
        Row(Settings.trustedProxies), Row(Settings.maxBodySize), Row(Settings.maxAuthFailures), Row(Settings.requireReadToken),
        Row(Settings.idleTimeout), Row(Settings.gracePeriod), Row(Settings.drainDelay), Row(Settings.publicURL),
    ]

    /// The rows of README's settings table: `| `key` | `--flag`… | `VARIABLE` | default | meaning |`.
    static func documentedRows() throws -> [String: [String]] {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let lines = try String(contentsOf: readme, encoding: .utf8).split(separator: "\n")
        var rows: [String: [String]] = [:]
        for line in lines where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 5, cells[2].hasPrefix("`ERRATA_") else { continue }
            rows[cells[0].trimmingCharacters(in: ["`"])] = cells
        }
        return rows
    }

    @Test func everySettingHasARowWithItsFlagVariableAndDefault() throws {
        let rows = try Self.documentedRows()
        #expect(Set(rows.keys) == Set(Self.settings.map(\.key)))
        for setting in Self.settings {
            guard let cells = rows[setting.key] else { continue }
            #expect(cells[1].hasPrefix("`--\(setting.flag)`"), "\(setting)")
            #expect(cells[2] == "`\(setting.variable)`", "\(setting)")
            #expect(cells[3] == (setting.shownDefault == "none" ? "none" : "`\(setting.shownDefault)`"), "\(setting)")
        }
    }
}
