@testable import ErrataCore
import Testing

/// The CLDR tables are looked up by binary search in their generated text, which must list its pairs sorted.
@Suite struct SortedTableTests {
    static let texts = [
        LanguageMatchingData.likelySubtagsText, LanguageMatchingData.distancesText, LanguageMatchingData.languageAliasesText,
        LanguageMatchingData.macrolanguagesText, LanguageMatchingData.regionAliasesText,
    ]

    @Test(arguments: texts.indices)
    func everyGeneratedPairIsFoundWithItsValue(table index: Int) {
        let text = Self.texts[index]
        let pairs = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { $0.split(separator: ":", maxSplits: 1) }
        #expect(pairs.count > 10 && pairs.allSatisfy { $0.count == 2 }, "every token is key:value")
        let keys = pairs.map { Array($0[0].utf8) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) }, "keys strictly sorted by their UTF-8 bytes")
        let table = SortedTable(text)
        for pair in pairs {
            #expect(table[String(pair[0])] == String(pair[1]))
        }
    }

    @Test func keysBetweenAndAroundThePairsAreNotFound() {
        let table = SortedTable("b:1 d:2\n  f:3")
        #expect(["a", "c", "e", "g", "", "b:", "dd", "d "].allSatisfy { table[$0] == nil })
        #expect(table["d"] == "2" && table["f"] == "3" && SortedTable("")["a"] == nil)
    }
}
