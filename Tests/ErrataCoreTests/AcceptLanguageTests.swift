import ErrataCore
import Testing

@Suite struct AcceptLanguageTests {
    @Test func ordersByWeightKeepingHeaderOrderForTies() {
        let header = AcceptLanguage("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.9, *;q=0.5")
        #expect(header.preferred.map { $0.range?.rawValue ?? "*" } == ["fr-CH", "fr", "de", "en", "*"])
    }

    @Test func zeroWeightExcludes() {
        let header = AcceptLanguage("en;q=0, zh-Hans")
        #expect(header.preferred.map(\.range) == [LanguageTag(rawValue: "zh-Hans")])
        #expect(header.excluded == [LanguageTag(rawValue: "en")!])
    }

    @Test(arguments: ["en;q=2", "en;q=1.5", "en;q=0.1234", "en;q=abc", "en;q=", "en;level=1", "en;q=.5"])
    func skipsElementsWithInvalidWeights(header: String) {
        #expect(AcceptLanguage(header).elements.isEmpty)
    }

    @Test func acceptsValidWeightForms() {
        let weights = AcceptLanguage("a1;q=1.000, en;q=1, fr;q=0.5, de;Q=0.125, es ; q=0").elements.map(\.weight)
        #expect(weights == [1000, 500, 125, 0])
    }

    @Test func toleratesJunkAndWhitespace() {
        let header = AcceptLanguage(" , ;;, en-GB ,\t, 12345, zh_TW;q=0.3 ,")
        #expect(header.elements.map(\.range?.rawValue) == ["en-GB", "zh-TW"])
    }

    @Test func boundsWorkOnHugeHeaders() {
        let many = (0..<1_000).map { "x\($0 % 10)a;q=0.\($0 % 10)" }.joined(separator: ",")
        #expect(AcceptLanguage(many).elements.count <= AcceptLanguage.maximumRanges)
        let long = String(repeating: "en-US,", count: 3_000)
        #expect(AcceptLanguage(long).elements.count <= AcceptLanguage.maximumRanges)
    }
}
