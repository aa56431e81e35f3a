@testable import ErrataClient
import ErrataCore
import Foundation
import Testing

/// `changes.log` is read without `JSONDecoder` (`CacheFileReader.record`); each line must read as
/// `ChangeLog.Record`'s `Codable` form reads it, which stays the definition of the format.
@Suite struct ChangeLogRecordReaderTests {
    static let chinese = LanguageTag(rawValue: "zh-Hans")!

    /// A line as the client writes one, through `ChangeLog.append`.
    static func writtenLine() throws -> String {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = ChangeLog(url: directory.url.appendingPathComponent("changes.log"))
        let key = TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey")), locale: chinese, field: .message)
        let changes = CatalogChanges(
            fromRevision: 6, toRevision: 7,
            changes: [
                TextChange(key: key, text: "指定的键不存在。\n\"引号\" / {key}", state: .needsReview, revision: 7),
                TextChange(key: TextKey(entry: EntryKey(code: ErrorCode("InvalidArgument"), variant: VariantName("x-amz")), locale: .english, field: .developerHint), text: "Hint.", revision: 7),
            ],
            removed: [TextChange.Key(code: ErrorCode("SlowDown"), variant: nil, locale: chinese, field: .developerHint)],
            locales: [LocaleInfo(tag: .english, name: "English"), LocaleInfo(tag: chinese, name: "简体中文")]
        )
        _ = try log.append(ChangeLog.Record(savedAt: Date(timeIntervalSince1970: 1_764_576_000), changes: changes))
        return String(decoding: try Data(contentsOf: log.url), as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// A newer server's field (skipped, in the changes and the removed keys), a change without a state,
    /// `locales` given as `null`, and a variant given as `null`.
    static let newerServersLine = #"""
        {"changes":{"changes":[{"code":"NoSuchKey","field":"auditorNote","locale":"en","revision":4,"state":"translated","text":"Later.","variant":null},{"code":"NoSuchKey","field":"message","locale":"en","revision":4,"text":"Gone.","variant":null}],"fromRevision":3,"locales":null,"removed":[{"code":"A","field":"auditorNote","locale":"en"},{"code":"A","field":"remediation","locale":"en","variant":"v"}],"toRevision":4},"savedAt":"2026-12-01T10:00:00Z"}
        """#

    static func decodedByCodable(_ line: String) throws -> ChangeLog.Record {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(ChangeLog.Record.self, from: Data(line.utf8))
    }

    @Test func aWrittenRecordAndANewerServersReadAsTheirCodableFormDoes() throws {
        for line in [try Self.writtenLine(), Self.newerServersLine] {
            let expected = try Self.decodedByCodable(line)
            let read = try CacheFileReader.record(Data(line.utf8))
            #expect(read.savedAt == expected.savedAt && read.changes == expected.changes, "\(line)")
        }
        let newer = try CacheFileReader.record(Data(Self.newerServersLine.utf8)).changes
        #expect(newer.changes.map(\.text) == ["Gone."] && newer.changes.first?.state == .translated)
        #expect(newer.removed.map(\.field) == [.remediation] && newer.locales == nil)
    }

    @Test(arguments: [
        #"{"changes":{"fromRevision":6,"toRev"#,
        #"{"changes":{"changes":[{"code":"NoSuchKey","field":"message","locale":"en","revision":4}],"fromRevision":3,"removed":[],"toRevision":4},"savedAt":"2026-12-01T10:00:00Z"}"#,
        #"{"changes":{"changes":[{"code":"NoSuchKey","field":"message","locale":"en","revision":4,"state":7,"text":"x"}],"fromRevision":3,"removed":[],"toRevision":4},"savedAt":"2026-12-01T10:00:00Z"}"#,
        #"{"changes":{"changes":[{"code":"NoSuchKey","field":"message","locale":"not a tag","revision":4,"text":"x"}],"fromRevision":3,"removed":[],"toRevision":4},"savedAt":"2026-12-01T10:00:00Z"}"#,
        #"{"changes":{"changes":[],"fromRevision":3,"toRevision":4},"savedAt":"2026-12-01T10:00:00Z"}"#,
        #"{"changes":{"changes":[],"fromRevision":3,"removed":[],"toRevision":4},"savedAt":"yesterday"}"#,
    ])
    func whatTheCodableFormRefusesIsRefused(line: String) {
        #expect(throws: (any Error).self) { try Self.decodedByCodable(line) }
        #expect(throws: CacheFileReader.Failure.self) { try CacheFileReader.record(Data(line.utf8)) }
    }
}
