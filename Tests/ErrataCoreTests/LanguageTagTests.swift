import ErrataCore
import Testing

@Suite struct LanguageTagTests {
    @Test(arguments: [
        ("en", "en"), ("EN", "en"), ("zh-hant", "zh-Hant"), ("zh_hant_tw", "zh-Hant-TW"), ("es-419", "es-419"),
        ("de-CH-1901", "de-CH-1901"), ("en-US-x-twain", "en-US-x-twain"), ("sl-rozaj-biske", "sl-rozaj-biske"),
    ])
    func canonicalizesWellFormedTags(input: String, expected: String) {
        #expect(LanguageTag(rawValue: input)?.rawValue == expected)
    }

    @Test(arguments: ["", "e", "englishlanguage", "en--US", "en-", "-en", "en US", "中文", "en-x", "abcd", "en-US-!!"])
    func rejectsMalformedTags(input: String) {
        #expect(LanguageTag(rawValue: input) == nil)
    }

    @Test func rejectsHugeTags() {
        #expect(LanguageTag(rawValue: String(repeating: "en-", count: 100) + "en") == nil)
    }

    @Test func exposesSubtags() throws {
        let tag = try #require(LanguageTag(rawValue: "zh-Hant-TW"))
        #expect(tag.language == "zh")
        #expect(tag.script == "Hant")
        #expect(tag.region == "TW")
        #expect(tag.truncated?.rawValue == "zh-Hant")
        #expect(tag.truncated?.truncated?.rawValue == "zh")
        #expect(tag.truncated?.truncated?.truncated == nil)
    }

    @Test func truncationDropsDanglingSingletons() {
        #expect(LanguageTag(rawValue: "en-a-bbb-x-foo")?.truncated?.rawValue == "en-a-bbb")
        #expect(LanguageTag(rawValue: "en-a-bbb")?.truncated?.rawValue == "en")
    }
}
