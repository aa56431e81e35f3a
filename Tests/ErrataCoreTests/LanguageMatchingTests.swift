import ErrataCore
import Testing

/// CLDR language matching against the seed catalog's locales: each answer is the one langcodes'
/// `closest_supported_match(tag, ["en", "zh-Hans", "zh-Hant", "ja", "ko"])` gives (`.ci/locale-check`
/// compares hundreds more), `nil` there being the default `en` with `fallback: true` here.
@Suite struct LanguageMatchingTests {
    let negotiator = LocaleNegotiator(available: ["en", "zh-Hans", "zh-Hant", "ja", "ko"].map { LanguageTag(rawValue: $0)! })

    func negotiate(explicit: String? = nil, _ acceptLanguage: String? = nil) -> String {
        negotiator.answer(explicit: explicit, acceptLanguage)
    }

    @Test(arguments: [
        // Chinese: the script decides, from the tag or from the region's likely script.
        ("zh", "zh-Hans"), ("zh-CN", "zh-Hans"), ("zh-SG", "zh-Hans"), ("zh-TW", "zh-Hant"), ("zh-HK", "zh-Hant"),
        ("zh-MO", "zh-Hant"), ("zh-Hant-CN", "zh-Hant"), ("zh-Hans-TW", "zh-Hans"), ("zh-Hani", "zh-Hans"),
        ("zh-Latn", "zh-Hans"), ("zh-Bopo", "en (fallback)"),
        // Other Chinese languages read Chinese in their likely script; `cmn` is `zh`, `zh-yue` is `yue`.
        ("yue", "zh-Hant"), ("yue-HK", "zh-Hant"), ("yue-Hans", "zh-Hans"), ("zh-yue", "zh-Hant"),
        ("cmn", "zh-Hans"), ("cmn-TW", "zh-Hant"), ("wuu", "zh-Hans"), ("lzh", "zh-Hans"),
        // Japanese and Korean: regions and Japanese in Latin script match; romanized Korean does not.
        ("ja-JP", "ja"), ("ja-Latn", "ja"), ("ja-Hira", "ja"), ("ko-KP", "ko"), ("ko-KR", "ko"), ("ko-Latn", "en (fallback)"),
        // English and the languages the catalog lacks.
        ("en-GB", "en"), ("en-US", "en"), ("en-840", "en"), ("en-Latn-US", "en"), ("en-x-private", "en"),
        ("fr", "en (fallback)"), ("sco", "en (fallback)"), ("iw", "en (fallback)"), ("nb", "en (fallback)"),
        // No language: only a script or region that implies one matches.
        ("und", "en (fallback)"), ("und-Hant", "zh-Hant"), ("und-Jpan", "ja"), ("und-TW", "zh-Hant"), ("und-KR", "ko"),
        ("und-FR", "en (fallback)"),
        // Not tags at all.
        ("i-klingon", "en (fallback)"), ("x-private", "en (fallback)"), ("zh-", "en (fallback)"), ("!!", "en (fallback)"),
    ])
    func matchesAsCLDR(tag: String, expected: String) {
        #expect(negotiate(explicit: tag) == expected)
        #expect(negotiate(tag) == expected)
    }

    @Test func firstRangeWithAMatchWins() {
        // `fr` has no match within the threshold, so `yue` (distance 14 to zh-Hant) decides over `en`.
        #expect(negotiate("fr, yue;q=0.9, en;q=0.8") == "zh-Hant")
        // Weight order, not closeness: `en` is asked for first.
        #expect(negotiate("en, zh-TW;q=0.5") == "en")
    }

    @Test func refusedLocalesAreSkipped() {
        // `zh;q=0` refuses zh-Hans, the closest match of `zh`; zh-TW still matches zh-Hant.
        #expect(negotiate("zh;q=0, zh-TW") == "zh-Hant")
        // `yue` is 14 from zh-Hant and beyond the threshold from zh-Hans: with zh-Hant refused, nothing is near.
        #expect(negotiate("zh-Hant;q=0, yue") == "en (fallback)")
    }

    @Test func exactCatalogLocaleWins() {
        let regional = LocaleNegotiator(available: ["en", "en-GB", "pt-PT", "pt-BR"].map { LanguageTag(rawValue: $0)! })
        #expect(regional.negotiate(explicit: "en-GB", acceptLanguage: nil).locale.rawValue == "en-GB")
        // en-AU is 3 from en-GB and 4 from en (en-Latn-US): British English is nearer.
        #expect(regional.negotiate(explicit: "en-AU", acceptLanguage: nil).locale.rawValue == "en-GB")
        // `pt` is pt-Latn-BR.
        #expect(regional.negotiate(explicit: "pt", acceptLanguage: nil).locale.rawValue == "pt-BR")
        #expect(regional.negotiate(explicit: "pt-AO", acceptLanguage: nil).locale.rawValue == "pt-PT")
    }

    @Test func fallbackChainKeepsTheScript() {
        // A truncation that keeps the script stays in the chain; one that changes it (`sr` is Cyrillic) does not.
        #expect(negotiator.fallbackChain(for: LanguageTag(rawValue: "zh-Hans-CN")!).map(\.rawValue) == ["zh-Hans-CN", "zh-Hans", "zh", "en"])
        #expect(negotiator.fallbackChain(for: LanguageTag(rawValue: "sr-Latn")!).map(\.rawValue) == ["sr-Latn", "en"])
    }
}
