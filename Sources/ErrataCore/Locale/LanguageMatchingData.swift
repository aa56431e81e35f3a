/// The CLDR tables locale matching reads: likely subtags, language distances and aliases.
///
/// The data is generated into `LanguageMatchingData+CLDR.swift` as compact text by
/// `Scripts/generate-language-matching.py` and parsed once, the first time ``shared`` is used.
struct LanguageMatchingData: Sendable {
    /// The tables, parsed on first use.
    static let shared = LanguageMatchingData()

    /// Likely subtags: `zh-TW` → `zh-Hant-TW`, `und-Hant` → `zh-Hant-TW`, `und` → `en-Latn-US`.
    let likelySubtags: [String: String]
    /// Distances from a desired to a supported language (`yue>zh`) or language and script (`zh_Hani>zh_Hans`).
    let distances: [String: Int]
    /// Replacements of deprecated or grandfathered tags and language subtags, keyed lowercased.
    let languageAliases: [String: String]
    /// Individual languages matched as their macrolanguage: `cmn` → `zh`.
    let macrolanguages: [String: String]
    /// Replacements of numeric and deprecated region codes: `840` → `US`.
    let regionAliases: [String: String]

    private init() {
        likelySubtags = Self.parse(Self.likelySubtagsText)
        distances = Self.parse(Self.distancesText).compactMapValues { Int($0) }
        languageAliases = Self.parse(Self.languageAliasesText)
        macrolanguages = Self.parse(Self.macrolanguagesText)
        regionAliases = Self.parse(Self.regionAliasesText)
    }

    /// The distance between two languages CLDR does not pair: 80, beyond any threshold.
    var defaultLanguageDistance: Int { distances["*>*"] ?? 80 }
    /// The distance between two scripts of a language CLDR does not pair: 50.
    var defaultScriptDistance: Int { distances["*_*>*_*"] ?? 50 }

    /// Reads `key:value` pairs separated by ASCII spaces and line feeds.
    ///
    /// Byte by byte: splitting by `Character.isWhitespace` cost a command-line client's start-up a tenth of its time.
    private static func parse(_ text: String) -> [String: String] {
        var table: [String: String] = [:]
        let bytes = Array(text.utf8)
        for pair in bytes.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) {
            guard let colon = pair.firstIndex(of: UInt8(ascii: ":")) else { continue }
            table[String(decoding: pair[..<colon], as: UTF8.self)] = String(decoding: pair[(colon + 1)...], as: UTF8.self)
        }
        return table
    }
}
