import ErrataCore
import Testing

@Suite struct LocaleNegotiatorTests {
    let negotiator = LocaleNegotiator(available: ["en", "zh-Hans", "zh-Hant"].map { LanguageTag(rawValue: $0)! })

    func negotiate(explicit: String? = nil, _ acceptLanguage: String? = nil) -> String {
        negotiator.answer(explicit: explicit, acceptLanguage)
    }

    @Test(arguments: [
        ("zh-CN", "zh-Hans"), ("zh-SG", "zh-Hans"), ("zh-TW", "zh-Hant"), ("zh-HK", "zh-Hant"), ("zh-MO", "zh-Hant"),
        ("zh", "zh-Hans"), ("zh-Hant-TW", "zh-Hant"), ("ZH-hant", "zh-Hant"), ("zh_TW", "zh-Hant"),
        ("en-GB", "en"), ("en-US-x-private", "en"), ("fr", "en (fallback)"), ("", "en"),
    ])
    func mapsAcceptLanguage(header: String, expected: String) {
        #expect(negotiate(header) == expected)
    }

    @Test func explicitLocaleWins() {
        #expect(negotiate(explicit: "zh-Hant", "zh-CN") == "zh-Hant")
        #expect(negotiate(explicit: "zh_tw", nil) == "zh-Hant")
    }

    @Test func unmatchedExplicitLocaleFallsThroughToHeader() {
        #expect(negotiate(explicit: "fr", "zh-CN") == "zh-Hans")
        #expect(negotiate(explicit: "not a tag!", nil) == "en (fallback)")
    }

    @Test func weightsDecide() {
        #expect(negotiate("en;q=0.5, zh-TW;q=0.9") == "zh-Hant")
        #expect(negotiate("fr, de;q=0.9, zh-CN;q=0.1") == "zh-Hans")
    }

    @Test func wildcardAcceptsAnythingNotRefused() {
        #expect(negotiate("fr, *;q=0.1") == "en")
        #expect(negotiate("en;q=0, *") == "zh-Hans")
        #expect(negotiate("en;q=0, zh-Hans;q=0, zh-Hant;q=0, *") == "en (fallback)")
    }

    @Test func malformedHeadersFallBack() {
        #expect(negotiate(";;;===,,,") == "en (fallback)")
        #expect(negotiate(String(repeating: "a", count: 100_000)) == "en (fallback)")
    }

    @Test func fallbackChainEndsInDefault() {
        let chain = negotiator.fallbackChain(for: LanguageTag(rawValue: "zh-Hant-TW")!)
        // CLDR parent locales: Traditional Chinese falls back to the default, never to `zh` (Simplified).
        #expect(chain.map(\.rawValue) == ["zh-Hant-TW", "zh-Hant", "en"])
    }
}

extension LocaleNegotiator {
    /// The negotiated locale as the tables of these tests write it: `zh-Hant`, `en (fallback)`.
    func answer(explicit: String? = nil, _ acceptLanguage: String? = nil) -> String {
        let result = negotiate(explicit: explicit, acceptLanguage: acceptLanguage)
        return result.locale.rawValue + (result.fallback ? " (fallback)" : "")
    }
}
