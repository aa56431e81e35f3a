import Foundation
import Testing

@testable import errata_server

/// README's settings table says what the definitions in `Sources/errata-server/Settings/` do.
@Suite struct SettingsDocumentationTests {
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
        #expect(Set(rows.keys) == Set(Settings.all.map(\.key)))
        #expect(rows.count == Settings.all.count)
        for setting in Settings.all {
            guard let cells = rows[setting.key] else { continue }
            if setting.onCommandLine {
                #expect(cells[1].hasPrefix("`--\(setting.flag)`"), "\(setting.key)")
            } else {
                #expect(cells[1] == "none", "\(setting.key) is read from the environment or the file only")
            }
            #expect(cells[2] == "`\(setting.environmentVariable)`", "\(setting.key)")
            #expect(cells[3] == (setting.defaultDescription == "none" ? "none" : "`\(setting.defaultDescription)`"), "\(setting.key)")
        }
    }
}
