/// CLDR language distance: how acceptable a supported locale is to a reader who asked for another.
///
/// 0 is the same locale; 4 a different region (`en-GB` for `en-US`); 10 a related language (`yue`
/// reading `zh`); 50 another script of the language; 80 another language. Locales farther than
/// ``threshold`` are not offered. The numbers are CLDR's `written_new` language matching
/// (`languageInfo.xml`) as the `langcodes` package applies them, regional clusters included.
enum LanguageDistance {
    /// The farthest a match may be: CLDR's and langcodes' default, 25.
    static let threshold = 25

    /// The distance from `desired` to `supported`; not symmetric (`ja-Latn` reads `ja`, not the other way).
    static func between(
        desired: MaximizedLocale, supported: MaximizedLocale, data: LanguageMatchingData = .shared
    ) -> Int {
        guard desired != supported else { return 0 }
        var distance = 0
        if desired.language != supported.language {
            distance += data.distance(desired.language + ">" + supported.language) ?? data.defaultLanguageDistance
        }
        let desiredScript = desired.language + "_" + desired.script
        let supportedScript = supported.language + "_" + supported.script
        if desired.script != supported.script {
            distance += data.distance(desiredScript + ">" + supportedScript) ?? data.defaultScriptDistance
        }
        if desired.region != supported.region {
            distance += desiredScript == supportedScript
                ? regionDistance(language: desired.language, script: desired.script, desired.region, supported.region)
                : defaultRegionDistance
        }
        return distance
    }

    // MARK: - Regions

    static let defaultRegionDistance = 4

    /// The distance between two regions of one language and script: 4, or 5 across a regional
    /// cluster of CLDR's (`$maghreb` for Arabic, `$enUS` for English, `$americas` for Spanish and
    /// Portuguese, `$cnsar` for Traditional Chinese), 3 between British and non-American English,
    /// 1 from a Latin American country to `419`.
    ///
    /// CLDR states these as rules over match variables; like langcodes (whose code this follows,
    /// clusters included, so that `.ci/locale-check` can hold Errata to it) they are written out here.
    private static func regionDistance(language: String, script: String, _ desired: String, _ supported: String) -> Int {
        func crosses(_ cluster: Set<String>) -> Bool { cluster.contains(desired) != cluster.contains(supported) }
        switch language {
        case "ar":
            return crosses(maghreb) ? 5 : defaultRegionDistance
        case "en":
            if desired == "GB" && !unitedStates.contains(supported) { return 3 }
            if supported == "GB" && !unitedStates.contains(desired) { return 3 }
            return crosses(unitedStates) ? 5 : defaultRegionDistance
        default:
            if latinAmerica.contains(desired) && supported == "419" { return 1 }
            if language == "es" || language == "pt" { return crosses(americas) ? 5 : defaultRegionDistance }
            if language == "zh" && script == "Hant" { return crosses(chineseSARs) ? 5 : defaultRegionDistance }
            return defaultRegionDistance
        }
    }

    private static let maghreb: Set<String> = ["MA", "DZ", "TN", "LY", "MR", "EH"]
    private static let unitedStates: Set<String> = ["AS", "GU", "MH", "MP", "PR", "UM", "US", "VI"]
    private static let chineseSARs: Set<String> = ["HK", "MO"]
    private static let latinAmerica: Set<String> = [
        "419", "013", "BZ", "CR", "SV", "GT", "HN", "MX", "NI", "PA",
        "005", "AR", "BO", "BR", "CL", "CO", "EC", "FK", "GF", "GY", "PY", "PE", "SR", "UY", "VE",
    ]
    private static let americas: Set<String> = latinAmerica.union([
        "019", "029", "AI", "AG", "AW", "BS", "BB", "VG", "BQ", "KY", "CU", "CW", "DM", "DO", "GD", "GP", "HT",
        "JM", "MQ", "MS", "PR", "SX", "BL", "KN", "LC", "MF", "VC", "TT", "TC", "VI",
        "021", "BM", "CA", "GL", "PM", "US", "003",
    ])
}
