import ErrataCore
import ErrataTestSupport
import Foundation
import Testing
import ErrataStore

@testable import errata

/// The `errata` executable as a user meets it: output, exit statuses, the environment it reads.
@Suite struct CommandLineTests {
    /// The built `errata`, next to the test bundle in the build directory.
    static let executable: URL = {
        var directory = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("errata").path),
            directory.pathComponents.count > 1
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("errata")
    }()

    struct Outcome {
        var status: Int32
        var output: String
        var errors: String

        /// Output lines wider than an 80-column terminal.
        var overlongLines: [String] {
            output.split(separator: "\n").map(String.init).filter { TextWrapping.columns($0) > 80 }
        }
    }

    /// Runs `errata` with only `environment` (plus `PATH`), so the caller's locale cannot leak in.
    ///
    /// Waits without blocking a thread, since a test's server may need the cooperative pool meanwhile.
    static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:]) async throws -> Outcome {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let run = try CapturedRun(
            executable: executable, arguments: arguments,
            environment: environment.merging(["PATH": "/usr/bin:/bin", "HOME": home.url.path]) { given, _ in given }, input: input
        )
        defer { run.remove() }
        let status = await run.process.exited()
        return Outcome(status: status, output: run.output, errors: run.errors)
    }

    static func text(_ field: TextField, _ locale: String) -> String {
        Documents.localizations[Documents.key(field, locale)]!
    }

    @Test func explainPrintsChineseOfflineInEightyPlainColumns() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let outcome = try await Self.run(["explain", "NoSuchKey", "--locale", "zh-Hans", "--cache-dir", cache.url.path])
        #expect(outcome.status == 0)
        #expect(outcome.errors.isEmpty)
        #expect(outcome.output.contains(Self.text(.message, "zh-Hans")))
        #expect(outcome.output.contains("  1. "), "the remediation is printed as steps")
        #expect(outcome.output.contains("HTTP 404"))
        #expect(outcome.output.contains("重试："), "the labels are in the language of the texts")
        #expect(outcome.overlongLines.isEmpty, "\(outcome.overlongLines)")
        #expect(!outcome.output.contains("\u{1B}"), "no ANSI escapes when stdout is not a terminal")
        #expect(try cache.fileNames().isEmpty)
    }

    @Test(arguments: [("en", "For developers:"), ("ja", "開発者向け:")])
    func explainPrintsTheDeveloperHintUnderItsOwnLabel(locale: String, label: String) async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let outcome = try await Self.run(["explain", "BadDigest", "--locale", locale, "--cache-dir", cache.url.path])
        #expect(outcome.status == 0)
        let hint = try #require(Documents.localizations[TextKey(entry: EntryKey(code: ErrorCode("BadDigest")), locale: LanguageTag(rawValue: locale)!, field: .developerHint)])
        // Once, under the label of the locale's language.
        let sections = outcome.output.components(separatedBy: label + "\n")
        #expect(sections.count == 2, "\(outcome.output)")
        let section = try #require(sections.last?.components(separatedBy: "\n\n").first)
        // Compared without whitespace, since the text is wrapped to 80 columns.
        #expect(section.filter { !$0.isWhitespace } == hint.filter { !$0.isWhitespace }, "\(outcome.output)")
        #expect(outcome.overlongLines.isEmpty, "\(outcome.overlongLines)")
    }

    @Test(arguments: [
        (["LANG": "zh_TW.UTF-8"], "zh-Hant"),
        (["LC_ALL": "C", "LANG": "zh_CN.UTF-8"], "en"),
        (["LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"], "zh-Hans"),
        (["LC_ALL": "", "LANG": "zh_HK.Big5@stroke"], "zh-Hant"),
        ([:], "en"),
    ])
    func theLocaleDefaultsFromTheEnvironment(environment: [String: String], locale: String) async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let outcome = try await Self.run(["explain", "SlowDown", "--cache-dir", cache.url.path], environment: environment)
        #expect(outcome.status == 0)
        let expected = Documents.localizations[TextKey(entry: EntryKey(code: ErrorCode("SlowDown")), locale: LanguageTag(rawValue: locale)!, field: .message)]!
        // Compared without whitespace, since the text is wrapped to 80 columns.
        #expect(outcome.output.filter { !$0.isWhitespace }.contains(expected.filter { !$0.isWhitespace }), "\(outcome.output)")
    }

    @Test func anUnknownCodeExitsOneWithSuggestions() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let outcome = try await Self.run(["explain", "nosuchkey", "--cache-dir", cache.url.path])
        #expect(outcome.status == 1)
        // Still the generic explanation: without a status, that of a client error.
        #expect(outcome.output.hasPrefix("UnrecognizedError.client (HTTP 400, unrecognized)\nnosuchkey is not in the catalog"), "\(outcome.output)")
        #expect(outcome.errors.hasPrefix("errata: unknown error code 'nosuchkey'; did you mean NoSuchKey"), "\(outcome.errors)")

        let withStatus = try await Self.run(["explain", "NoSuchWidget", "--status", "503", "--json", "--cache-dir", cache.url.path])
        #expect(withStatus.status == 1)
        let generic = try JSONDecoder().decode(ErrorDescription.self, from: Data(withStatus.output.utf8))
        #expect(generic.variant == VariantName("throttling") && generic.origin == .generic && generic.requestedCode == ErrorCode("NoSuchWidget"))
        #expect(try await Self.run(["explain", "NoSuchWidget", "--status", "99", "--cache-dir", cache.url.path]).status == 2)
    }

    @Test(arguments: [
        ["explain"], ["explain", "NoSuchKey", "--locale", "x y"], ["explain", "NoSuchKey", "--no-such-flag"],
        ["list", "--status", "abc"], ["list", "--status", "7"], ["list", "--category", "nope"],
        ["sync"], ["sync", "--server", "ftp://example.com"], ["frobnicate"], ["parse", "/nonexistent/body.xml"],
    ])
    func usageErrorsExitTwoWithOneLine(arguments: [String]) async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let outcome = try await Self.run(arguments + ["--cache-dir", cache.url.path])
        #expect(outcome.status == 2)
        let lines = outcome.errors.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome.errors)")
        #expect(lines.first?.hasPrefix("errata: ") == true)
    }

    @Test func helpExitsZero() async throws {
        for arguments in [["--help"], ["explain", "--help"], ["list", "--help"], ["sync", "--help"], ["parse", "--help"]] {
            let outcome = try await Self.run(arguments)
            #expect(outcome.status == 0)
            #expect(outcome.overlongLines.isEmpty, "\(outcome.overlongLines)")
        }
    }

    @Test func listPrintsATableOrJSON() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let table = try await Self.run(["list", "--locale", "zh-Hans", "--cache-dir", cache.url.path])
        #expect(table.status == 0)
        #expect(table.output.hasPrefix("错误码 "), "the header is in the language of the messages")
        #expect(table.output.contains("NoSuchKey"))
        #expect(table.overlongLines.isEmpty, "\(table.overlongLines)")

        let json = try await Self.run(["list", "--status", "404", "--json", "--cache-dir", cache.url.path])
        #expect(json.status == 0)
        let entries = try JSONDecoder().decode([ErrorDescription].self, from: Data(json.output.utf8))
        #expect(!entries.isEmpty && entries.allSatisfy { $0.httpStatus == 404 })
        #expect(entries.map(\.code).contains(ErrorCode("NoSuchKey")))
    }

    @Test func parseJSONIsTheExplainResultWithAliasesResolved() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let body = Data("<Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message><RequestId>R-9</RequestId></Error>".utf8)
        let outcome = try await Self.run(["parse", "--status", "404", "--json", "--locale", "ko", "--cache-dir", cache.url.path], input: body)
        #expect(outcome.status == 0)
        let result = try JSONDecoder().decode(Explained.self, from: Data(outcome.output.utf8))
        #expect(result.known && result.suggestions.isEmpty)
        #expect(result.description.code == ErrorCode("NotSuchBucketPolicy") && result.description.requestedCode == ErrorCode("NoSuchBucketPolicy"))
        #expect(result.description.locale.rawValue == "ko" && result.description.origin == .service)
        #expect(result.response == ["code": "NoSuchBucketPolicy", "format": "xml", "httpStatus": "404", "message": "The bucket policy does not exist", "requestId": "R-9"])
    }

    /// What `errata parse --json` prints.
    struct Explained: Decodable {
        var description: ErrorDescription
        var known: Bool
        var response: [String: StringOrNumber]
        var suggestions: [String]
    }

    /// A member of `response`, compared as text.
    struct StringOrNumber: Decodable, Equatable, ExpressibleByStringLiteral {
        var text: String
        init(stringLiteral value: String) { text = value }
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                text = string
            } else {
                text = String(try container.decode(Int.self))
            }
        }
    }

    @Test func parseExplainsAResponseFromStandardInput() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let body = Data(StorageErrorTests.multipartXML.utf8)
        let outcome = try await Self.run(["parse", "--locale", "zh-Hant", "--cache-dir", cache.url.path], input: body)
        #expect(outcome.status == 0)
        #expect(outcome.output.hasPrefix("BucketNotEmpty.multipartUploads (HTTP 409, bucket)"))
        #expect(outcome.output.contains("4442587FB7D0A2F9"))
        #expect(outcome.overlongLines.isEmpty, "\(outcome.overlongLines)")

        let file = cache.url.appendingPathComponent("body.json")
        try Data(#"{"Error":{"Code":"NoSuchKye","Message":"Gone."}}"#.utf8).write(to: file)
        let unknown = try await Self.run(["parse", file.path, "--cache-dir", cache.url.path])
        #expect(unknown.status == 1)
        #expect(unknown.output.hasPrefix("UnrecognizedError.client (HTTP 400, unrecognized)\nNoSuchKye is not in the catalog"))
        #expect(unknown.output.contains("Service message:  Gone."), "what the service said, not the catalog's copy")
        #expect(unknown.errors.contains("did you mean NoSuchKey"))

        let garbage = try await Self.run(["parse", "-", "--cache-dir", cache.url.path], input: Data("hello".utf8))
        #expect(garbage.status == 1)
        #expect(garbage.errors.contains("not a storage error response"))
    }

    @Test func parseReadsHeadersAndPrintsWhatTheResponseCarried() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let head = try await Self.run([
            "parse", "--status", "404", "--header", "x-amz-error-code: NoSuchKey", "--header", "X-Amz-Request-Id:R-7",
            "--cache-dir", cache.url.path,
        ])
        #expect(head.status == 0, "\(head.errors)")
        #expect(head.output.hasPrefix("NoSuchKey (HTTP 404, object)"))
        #expect(head.output.contains("Request ID:") && head.output.contains("R-7"))

        let body = "<Error><Code>NoSuchKey</Code><BucketName>photos</BucketName><Key>2006/sample.jpg</Key><HostId>h-9</HostId></Error>"
        let full = try await Self.run(["parse", "--cache-dir", cache.url.path], input: Data(body.utf8))
        #expect(full.status == 0)
        #expect(full.output.contains("Bucket:") && full.output.contains("photos") && full.output.contains("2006/sample.jpg"))
        #expect(full.output.contains("Host ID:") && full.output.contains("h-9"))

        let noCode = try await Self.run(["parse", "--status", "403", "--header", "x-amz-request-id: R-8", "--cache-dir", cache.url.path])
        #expect(noCode.status == 1 && noCode.output.contains("R-8"))
        #expect(noCode.errors.contains("names no error code"))

        let hostile = try await Self.run(["parse", "--cache-dir", cache.url.path], input: Data("<!DOCTYPE x><Error/>".utf8))
        #expect(hostile.status == 1 && hostile.errors.contains("refused"))

        let badHeader = try await Self.run(["parse", "--header", "no-colon", "--cache-dir", cache.url.path])
        #expect(badHeader.status == 2)
    }

    @Test func aBrokenCacheIsReportedOnStandardErrorAndIgnored() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        try Data("{\"formatVersion\": 1, \"docu".utf8).write(to: cache.catalogFile)
        let outcome = try await Self.run(["explain", "NoSuchKey", "--cache-dir", cache.url.path])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains(Self.text(.message, "en")))
        #expect(outcome.errors.hasPrefix("errata: warning: discarded the cached catalog"), "\(outcome.errors)")
    }

    @Test func theDefaultCacheIsUnderXDGCacheHome() async throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        // An empty cache file where XDG_CACHE_HOME points is found, reported and removed.
        try FileManager.default.createDirectory(at: home.url.appendingPathComponent("errata"), withIntermediateDirectories: true)
        try Data().write(to: home.url.appendingPathComponent("errata/catalog.json"))
        let outcome = try await Self.run(["explain", "NoSuchKey"], environment: ["XDG_CACHE_HOME": home.url.path])
        #expect(outcome.status == 0)
        #expect(outcome.errors.contains(home.url.appendingPathComponent("errata/catalog.json").path))
    }

    @Test func syncShowsAPublishedTextThatStaysWhenTheServerIsGone() async throws {
        let cache = try TemporaryDirectory()
        let server = try await LiveServer()
        defer {
            cache.remove()
            server.remove()
        }
        let newText = "请确认对象键拼写正确，并在控制台中刷新对象列表后重试。"
        let explain = ["explain", "NoSuchKey", "--locale", "zh-Hans", "--cache-dir", cache.url.path]
        let before = try await Self.run(explain)
        #expect(before.output.contains(Self.text(.message, "zh-Hans")))
        try await server.run { (url) async throws in
            let key = TextKey(entry: Documents.noSuchKey, locale: LanguageTag(rawValue: "zh-Hans")!, field: .remediation)
            _ = try await server.publish(key, text: newText, at: url)
            let sync = try await Self.run(["sync", "--cache-dir", cache.url.path], environment: ["ERRATA_SERVER": url.absoluteString])
            #expect(sync.status == 0, "\(sync.errors)")
            #expect(sync.output == "Updated the catalog from revision 0 to 2 (downloaded the changes).\n")
            let again = try await Self.run(["sync", "--server", url.absoluteString, "--cache-dir", cache.url.path])
            #expect(again.output == "The catalog is up to date (revision 2).\n")
            let inChinese = try await Self.run(
                ["sync", "--server", url.absoluteString, "--cache-dir", cache.url.path], environment: ["LANG": "zh_CN.UTF-8"]
            )
            #expect(inChinese.output == "目录已是最新（修订版 2）。\n", "sync speaks the environment's language")
        }
        let after = try await Self.run(explain)
        #expect(after.status == 0)
        #expect(after.output.filter { !$0.isWhitespace }.contains(newText), "\(after.output)")
        #expect(after.output.contains("目录修订版 2"))

        let failed = try await Self.run(["sync", "--server", "http://127.0.0.1:9", "--cache-dir", cache.url.path])
        #expect(failed.status == 1)
        #expect(failed.errors.hasPrefix("errata: sync failed: "))
        #expect(failed.errors.contains("the cached catalog is unchanged"))
        #expect(try await Self.run(explain).output == after.output)
    }

    @Test func syncTakesAReadTokenFromTheEnvironment() async throws {
        let cache = try TemporaryDirectory()
        let server = try await LiveServer()
        defer {
            cache.remove()
            server.remove()
        }
        let token = try await server.store.createToken(name: "cli-reader", scope: .read)
        try await server.run(requireReadToken: true) { (url) async throws in
            let sync = ["sync", "--server", url.absoluteString, "--cache-dir", cache.url.path]
            let refused = try await Self.run(sync)
            #expect(refused.status == 1)
            #expect(refused.errors.contains("HTTP 401"), "\(refused.errors)")
            let allowed = try await Self.run(sync, environment: ["ERRATA_TOKEN": token])
            #expect(allowed.status == 0, "\(allowed.errors)")
        }
    }

    // MARK: - Helpers inside the executable

    @Test(arguments: [
        ("zh_CN.UTF-8", "zh-CN"), ("en_US", "en-US"), ("sr_RS@latin", "sr-RS"), ("de", "de"),
        ("C", nil), ("POSIX", nil), ("C.UTF-8", nil), ("not a locale", nil),
    ])
    func posixLocaleNamesBecomeLanguageTags(posix: String, tag: String?) {
        #expect(LocaleOption.languageTag(posix: posix) == tag)
    }

    @Test func wrappingCountsWideCharactersAndKeepsPunctuationAttached() {
        #expect(TextWrapping.columns("abc") == 3)
        #expect(TextWrapping.columns("中文，") == 6)
        let chinese = TextWrapping.wrap(String(repeating: "存储桶，", count: 30), width: 20, prefix: "  ")
        #expect(chinese.allSatisfy { TextWrapping.columns($0) <= 20 })
        #expect(chinese.dropFirst().allSatisfy { !$0.hasPrefix("  ，") })
        #expect(TextWrapping.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(TextWrapping.wrap("steps here", width: 80, firstPrefix: "  1. ", prefix: "     ") == ["  1. steps here"])
        let long = TextWrapping.wrap(String(repeating: "x", count: 25), width: 10)
        #expect(long == ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"], "a word wider than a line is split")
        #expect(TextWrapping.truncate("该存储桶中不存在您请求的对象。", to: 10) == "该存储...")
    }

    @Test func remediationSplitsIntoSteps() {
        #expect(ExplanationText.steps(of: "Do this. Then that! Done?") == ["Do this.", "Then that!", "Done?"])
        #expect(ExplanationText.steps(of: "请检查。然后重试。") == ["请检查。", "然后重试。"])
        #expect(ExplanationText.steps(of: "Objects above 5.5 GB need parts") == ["Objects above 5.5 GB need parts"])
    }
}
