import ErrataCore
import ErrataTestSupport
import Foundation
import Testing

@testable import errata

/// The words `errata` prints around the catalog's texts: in the language the texts are shown in.
@Suite struct CommandLineLanguageTests {
    /// The catalog's locales, each of which the CLI speaks.
    static let locales = ["en", "zh-Hans", "zh-Hant", "ja", "ko"]

    static func strings(_ locale: String) -> CLIStrings {
        CLIStrings(locale: LanguageTag(rawValue: locale)!)
    }

    /// The column a labeled line's value starts in: the label's columns and the spaces after it.
    static func valueColumn(of line: String, label: String) -> Int {
        TextWrapping.columns(label) + line.dropFirst(label.count).prefix { $0 == " " }.count
    }

    // MARK: - The executable

    @Test(arguments: [
        ("zh-Hans", "处理方法：", "重试："), ("zh-Hant", "處理方式：", "重試："), ("ja", "対処方法:", "再試行:"),
        ("ko", "해결 방법:", "재시도:"),
    ])
    func explainLabelsAreInTheLanguageOfTheTexts(locale: String, whatToDo: String, retry: String) async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let outcome = try await CommandLineTests.run(["explain", "NoSuchKey", "--locale", locale, "--cache-dir", cache.url.path])
        #expect(outcome.status == 0)
        let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains(whatToDo), "\(outcome.output)")
        let strings = Self.strings(locale)
        let retryLine = try #require(lines.first { $0.hasPrefix(retry) })
        // Compared without whitespace, since the advice may wrap.
        let advice = retry + strings("No: the request or the account must change first.")
        #expect(outcome.output.filter { !$0.isWhitespace }.contains(advice.filter { !$0.isWhitespace }))
        let localeLine = try #require(lines.first { $0.hasPrefix(strings("Locale:")) })
        #expect(localeLine.hasSuffix(strings("%1$@, catalog revision %2$lld", locale, 0)))
        #expect(Self.valueColumn(of: retryLine, label: retry) == Self.valueColumn(of: localeLine, label: strings("Locale:")))
        #expect(!outcome.output.contains("What to do:") && !outcome.output.contains("Retry:"))
        #expect(outcome.overlongLines.isEmpty, "\(outcome.overlongLines)")
    }

    @Test(arguments: [(["LANG": "zh_TW.UTF-8"], "處理方式："), (["LC_ALL": "ja_JP.UTF-8"], "対処方法:"), (["LANG": "fr_FR.UTF-8"], "What to do:")])
    func theLabelsFollowTheEnvironmentsLanguage(environment: [String: String], whatToDo: String) async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let outcome = try await CommandLineTests.run(["explain", "SlowDown", "--cache-dir", cache.url.path], environment: environment)
        #expect(outcome.status == 0)
        #expect(outcome.output.split(separator: "\n").contains { $0 == whatToDo }, "\(outcome.output)")
    }

    @Test func englishOutputKeepsItsLayout() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let explain = try await CommandLineTests.run(["explain", "NoSuchKey", "--cache-dir", cache.url.path])
        let lines = explain.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("What to do:"))
        #expect(lines.contains("Retry:            No: the request or the account must change first."))
        #expect(lines.contains("Service message:  The specified key does not exist."))
        #expect(lines.last == "Locale:           en, catalog revision 0")

        let french = try await CommandLineTests.run(["explain", "NoSuchKey", "--locale", "fr", "--cache-dir", cache.url.path])
        #expect(french.output.hasSuffix("Locale:           en (no text in the language asked for), catalog revision 0\n"))

        let list = try await CommandLineTests.run(["list", "--status", "409", "--cache-dir", cache.url.path])
        let header = try #require(list.output.split(separator: "\n").first)
        #expect(header.hasPrefix("CODE") && header.contains("  HTTP  MESSAGE"), "\(header)")
    }

    @Test(arguments: [("zh-Hans", "错误码"), ("zh-Hant", "錯誤碼"), ("ja", "エラーコード"), ("ko", "오류 코드")])
    func listHeadersAreInTheLanguageOfTheMessages(locale: String, code: String) async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let table = try await CommandLineTests.run(["list", "--status", "404", "--locale", locale, "--cache-dir", cache.url.path])
        #expect(table.status == 0)
        let lines = table.output.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        #expect(header.hasPrefix(code) && header.hasSuffix(Self.strings(locale)("MESSAGE")), "\(header)")
        // The status column starts at the same column in the header and in every row.
        let statusColumn = TextWrapping.columns(String(header.prefix { $0 != "H" }))
        for row in lines.dropFirst() {
            #expect(TextWrapping.columns(String(row.prefix { $0 != "4" })) == statusColumn, "\(row)")
        }
        #expect(table.overlongLines.isEmpty, "\(table.overlongLines)")

        let none = try await CommandLineTests.run(["list", "--status", "599", "--locale", locale, "--cache-dir", cache.url.path])
        #expect(none.errors == "errata: \(Self.strings(locale)("no error code matches"))\n")
    }

    @Test(arguments: ["zh-Hans", "zh-Hant", "ja", "ko"])
    func parseLabelsAndFailuresAreInTheLanguageOfTheTexts(locale: String) async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let strings = Self.strings(locale)
        let body = "<Error><Code>NoSuchKey</Code><BucketName>photos</BucketName><RequestId>R-7</RequestId></Error>"
        let parsed = try await CommandLineTests.run(["parse", "--locale", locale, "--cache-dir", cache.url.path], input: Data(body.utf8))
        #expect(parsed.status == 0)
        let lines = parsed.output.split(separator: "\n").map(String.init)
        let requestLine = try #require(lines.first { $0.hasPrefix(strings("Request ID:")) })
        let bucketLine = try #require(lines.first { $0.hasPrefix(strings("Bucket:")) })
        #expect(requestLine.hasSuffix("R-7") && bucketLine.hasSuffix("photos"))
        #expect(Self.valueColumn(of: requestLine, label: strings("Request ID:")) == Self.valueColumn(of: bucketLine, label: strings("Bucket:")))

        let unknown = try await CommandLineTests.run(["explain", "nosuchkey", "--locale", locale, "--cache-dir", cache.url.path])
        #expect(unknown.status == 1)
        #expect(unknown.errors == "errata: \(strings("unknown error code '%1$@'; did you mean %2$@?", "nosuchkey", "NoSuchKey"))\n")

        let noCode = try await CommandLineTests.run(["parse", "--header", "x-amz-request-id: R-8", "--locale", locale, "--cache-dir", cache.url.path])
        #expect(noCode.errors == "errata: \(strings("the response names no error code"))\n")
    }

    @Test func aFailedSyncSpeaksTheEnvironmentsLanguage() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let outcome = try await CommandLineTests.run(
            ["sync", "--server", "http://127.0.0.1:9", "--cache-dir", cache.url.path], environment: ["LANG": "ja_JP.UTF-8"]
        )
        #expect(outcome.status == 1)
        #expect(outcome.errors.hasPrefix("errata: 同期に失敗しました: "), "\(outcome.errors)")
        #expect(outcome.errors.hasSuffix("。キャッシュされたカタログは変更されていません\n"))
    }

    @Test func jsonStaysMachineOutput() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let outcome = try await CommandLineTests.run(["explain", "NoSuchKey", "--locale", "ja", "--json", "--cache-dir", cache.url.path])
        let description = try JSONDecoder().decode(ErrorDescription.self, from: Data(outcome.output.utf8))
        #expect(description.locale.rawValue == "ja")
        #expect(!outcome.output.contains(Self.strings("ja")("What to do:")))
    }

    // MARK: - The string catalog

    @Test func everyKeyIsTranslatedInEveryLocaleWithTheSameArguments() throws {
        let catalog = try #require(CLIStrings.bundled.catalog, "Resources/CLI.xcstrings is bundled and reads")
        #expect(catalog.sourceLanguage == "en")
        #expect(!catalog.strings.isEmpty)
        for (key, entry) in catalog.strings {
            #expect(entry.comment?.isEmpty == false, "\(key) has a comment for translators")
            for locale in Self.locales {
                let unit = entry.localizations?[locale]?.stringUnit
                #expect(unit?.state == .translated && unit?.value.isEmpty == false, "\(key) is translated into \(locale)")
                guard let value = unit?.value else { continue }
                #expect(FormatSpecifiers.arguments(of: value) == FormatSpecifiers.arguments(of: key), "\(locale): \(value)")
                if locale == "en" { #expect(value == key, "keys are the English text") }
                if key.hasSuffix(":") {
                    #expect(value.hasSuffix(locale.hasPrefix("zh") ? "：" : ":"), "\(locale): \(value) ends in the script's colon")
                }
            }
        }
    }

    @Test func everyWordTheCLIPrintsIsACatalogKey() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/errata")
        var used = Set(ExplanationText.Label.allCases.map(\.rawValue))
        for file in try FileManager.default.contentsOfDirectory(atPath: sources.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: #/strings\("((?:[^"\\]|\\.)*)"/#) {
                used.insert(String(match.1))
            }
        }
        let keys = Set(try #require(CLIStrings.bundled.catalog).strings.keys)
        #expect(used.subtracting(keys).isEmpty, "printed but not in the catalog: \(used.subtracting(keys))")
        #expect(keys.subtracting(used).isEmpty, "in the catalog but never printed: \(keys.subtracting(used))")
    }

    @Test func aMissingLanguageOrKeyIsEnglish() {
        #expect(Self.strings("fr").locale == .english)
        #expect(Self.strings("fr")("Retry:") == "Retry:")
        #expect(Self.strings("zh-TW").locale.rawValue == "zh-Hant")
        #expect(Self.strings("ko")("not a key, %@", 7) == "not a key, 7")
        let unreadable = CLIStrings(locale: LanguageTag(rawValue: "ja")!, table: CLIStrings.Table(catalog: nil))
        #expect(unreadable.locale == .english)
        #expect(unreadable("The catalog is up to date (revision %lld).", 3) == "The catalog is up to date (revision 3).")
    }

    @Test func formatSpecifiersAreFilledInByPosition() {
        #expect(FormatSpecifiers.format("%1$@ then %2$lld", ["a", "7"]) == "a then 7")
        #expect(FormatSpecifiers.format("%2$@、%1$@", ["a", "b"]) == "b、a")
        #expect(FormatSpecifiers.format("%@ and %lld", ["a", "7"]) == "a and 7")
        #expect(FormatSpecifiers.format("100%% of %@", ["x"]) == "100% of x")
        #expect(FormatSpecifiers.format("% left, 5$ too", []) == "% left, 5$ too")
        #expect(FormatSpecifiers.format("%1$@ and %2$@", ["only"]) == "only and %2$@")
        #expect(
            FormatSpecifiers.arguments(of: "%2$lld, %1$@") == [.init(position: 1, conversion: "@"), .init(position: 2, conversion: "lld")]
        )
        #expect(FormatSpecifiers.arguments(of: "%@ %lld") == FormatSpecifiers.arguments(of: "%1$@ %2$lld"))
    }
}
