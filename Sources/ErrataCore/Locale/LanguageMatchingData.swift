/// The CLDR tables locale matching reads: likely subtags, language distances and aliases.
///
/// The data is generated into `LanguageMatchingData+CLDR.swift` as compact text by
/// `Scripts/generate-language-matching.py` and parsed once, the first time ``shared`` is used.
struct LanguageMatchingData: Sendable {
    /// The tables, parsed on first use.
    static let shared = LanguageMatchingData()

    /// Likely subtags: `zh-TW` → `zh-Hant-TW`, `und-Hant` → `zh-Hant-TW`, `und` → `en-Latn-US`.
    let likelySubtags: SortedTable
    /// Distances from a desired to a supported language (`yue>zh`) or language and script (`zh_Hani>zh_Hans`).
    let distances: SortedTable
    /// Replacements of deprecated or grandfathered tags and language subtags, keyed lowercased.
    let languageAliases: SortedTable
    /// Individual languages matched as their macrolanguage: `cmn` → `zh`.
    let macrolanguages: SortedTable
    /// Replacements of numeric and deprecated region codes: `840` → `US`.
    let regionAliases: SortedTable

    private init() {
        likelySubtags = SortedTable(Self.likelySubtagsText)
        distances = SortedTable(Self.distancesText)
        languageAliases = SortedTable(Self.languageAliasesText)
        macrolanguages = SortedTable(Self.macrolanguagesText)
        regionAliases = SortedTable(Self.regionAliasesText)
    }

    /// The distance CLDR gives a pair (`yue>zh`, `zh_Hani>zh_Hans`), if it pairs them.
    func distance(_ pair: String) -> Int? {
        distances[pair].flatMap { Int($0) }
    }

    /// The distance between two languages CLDR does not pair: 80, beyond any threshold.
    var defaultLanguageDistance: Int { distance("*>*") ?? 80 }
    /// The distance between two scripts of a language CLDR does not pair: 50.
    var defaultScriptDistance: Int { distance("*_*>*_*") ?? 50 }
}
