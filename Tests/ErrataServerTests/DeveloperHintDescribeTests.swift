import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Developer hints and retry policies as describe answers them over REST and JSON-RPC, as the error
/// page shows them and as the console's overview counts them.
@Suite struct DeveloperHintDescribeTests {
    static let slowDown = EntryKey(code: ErrorCode("SlowDown"))

    static func hint(_ entry: EntryKey, _ locale: String) throws -> String? {
        try LocalizationsDirectory(url: TestService.localizations).load()[
            TextKey(entry: entry, locale: LanguageTag(rawValue: locale)!, field: .developerHint)
        ]
    }

    /// A seed entry never retried and without a hint, whichever the repository's files give hints.
    static var plainEntry: EntryKey {
        get throws {
            let seed = try LocalizationsDirectory(url: TestService.localizations).load()
            return try #require(seed.entries.first {
                $0.retry == .never && $0.variant == nil && seed[TextKey(entry: $0.key, locale: .english, field: .developerHint)] == nil
            }).key
        }
    }

    static let throttlingPolicy: JSONValue = .object([
        "baseDelayMs": 500, "maxDelayMs": 20_000, "maxAttempts": 3, "honorRetryAfter": true,
    ])

    @Test func restAnswersTheHintAndThePolicyOnlyWhereTheEntryHasThem() async throws {
        let plain = try Self.plainEntry
        let expected = try #require(try Self.hint(Self.slowDown, "ja"))
        try await TestService().test { client in
            try await client.execute(uri: "/v1/errors/SlowDown?locale=ja", method: .get) { (response) throws in
                let description = try response.json()
                #expect(description["developerHint"] == .string(expected))
                #expect(description["retryPolicy"] == Self.throttlingPolicy)
            }
            try await client.execute(uri: "/v1/errors/\(plain.code)?locale=ja", method: .get) { (response) throws in
                let description = try response.json()
                #expect(description["developerHint"] == nil && description["retryPolicy"] == nil)
                #expect(description["message"] != nil)
            }
        }
    }

    @Test func rpcAnswersTheHintAndThePolicyOnlyWhereTheEntryHasThem() async throws {
        let plain = try Self.plainEntry
        let expected = try #require(try Self.hint(Self.slowDown, "zh-Hant"))
        try await TestService().test { client in
            let answer = try await client.rpc(#"""
                [{"jsonrpc":"2.0","method":"errors.describe","params":{"code":"SlowDown","locale":"zh-Hant"},"id":1},
                 {"jsonrpc":"2.0","method":"errors.describe","params":{"code":"\#(plain.code)","locale":"zh-Hant"},"id":2}]
                """#).json()
            #expect(answer[0]?["result"]?["developerHint"] == .string(expected))
            #expect(answer[0]?["result"]?["retryPolicy"] == Self.throttlingPolicy)
            #expect(answer[1]?["result"]?["developerHint"] == nil && answer[1]?["result"]?["retryPolicy"] == nil)
            #expect(answer[1]?["result"]?["remediation"] != nil)
        }
    }

    @Test func theErrorPageShowsTheHintUnderItsOwnHeading() async throws {
        let plain = try Self.plainEntry
        let expected = try #require(try Self.hint(Self.slowDown, "ja"))
        try await TestService().test(.live) { client in
            try await client.execute(uri: "/docs/errors/SlowDown?locale=ja", method: .get) { (response) throws in
                let html = HTMLPage(response).html
                #expect(html.contains(#"<h2 id="developer-hint-heading">開発者向け</h2>"#))
                #expect(html.contains(#"<p id="developer-hint">\#(expected)</p>"#))
            }
            try await client.execute(uri: "/docs/errors/\(plain.code)?locale=ja", method: .get) { (response) throws in
                #expect(response.status == .ok)
                #expect(!HTMLPage(response).html.contains("developer-hint"))
            }
        }
    }

    @Test func theOverviewCountsAHintOnlyWhereItsSourceIsWritten() async throws {
        let plain = try Self.plainEntry
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let overview = OverviewAnswer(try await service.store.overview())
        let slowDown = try #require(overview.entries.first { $0.code == Self.slowDown.code })
        #expect(slowDown.locales["ko"]?.developerHint?.text == (try Self.hint(Self.slowDown, "ko")))
        let entry = try #require(overview.entries.first { $0.code == plain.code && $0.variant == nil })
        #expect(entry.locales.values.allSatisfy { $0.state == "translated" && $0.developerHint == nil })
        #expect(overview.locales.allSatisfy { $0.complete })
    }
}
