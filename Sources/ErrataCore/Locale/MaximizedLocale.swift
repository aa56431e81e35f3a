/// A tag's language, script and region as CLDR language matching compares them: aliases replaced,
/// individual languages as their macrolanguage, missing subtags filled in from likely subtags.
///
/// For example, `zh-TW` is `zh`, `Hant`, `TW`; `yue` is `yue`, `Hant`, `HK`; `cmn` is `zh`, `Hans`, `CN`;
/// `iw` is `he`, `Hebr`, `IL`. A tag with no language, script or region (`und`, `und-x-foo`) is not
/// maximized: it is `und`, `Zzzz`, `ZZ`, and so far from every language.
struct MaximizedLocale: Hashable, Sendable {
    var language: String
    var script: String
    var region: String
}

extension MaximizedLocale {
    init(_ tag: LanguageTag, data: LanguageMatchingData = .shared) {
        let given = Self.normalizedSubtags(of: tag, data: data)
        guard given.language != nil || given.script != nil || given.region != nil else {
            self.init(language: "und", script: "Zzzz", region: "ZZ")
            return
        }
        let likely = Self.likelySubtags(given, data: data)
        self.init(
            language: given.language ?? likely.language ?? "und",
            script: given.script ?? likely.script ?? "Zzzz",
            region: given.region ?? likely.region ?? "ZZ"
        )
    }

    // MARK: - Normalization

    /// The subtags a tag names; `nil` where it names none (`und` names no language).
    private struct Subtags {
        var language: String?
        var script: String?
        var region: String?

        /// Subtags named by `replacement` replace these, as when a deprecated language is replaced.
        mutating func update(with replacement: Subtags) {
            language = replacement.language ?? language
            script = replacement.script ?? script
            region = replacement.region ?? region
        }

        /// The tag these subtags form, `und` standing for a missing language: `zh-TW`, `und-Hant`.
        var tag: String {
            var tag = language ?? "und"
            if let script { tag += "-" + script }
            if let region { tag += "-" + region }
            return tag
        }
    }

    /// Language, script and region of `tag` after CLDR aliases (`iw` → `he`, `zh-yue` → `yue`,
    /// `sh` → `sr-Latn`, `en-840` → `en-US`) and macrolanguages (`cmn` → `zh`).
    private static func normalizedSubtags(of tag: LanguageTag, data: LanguageMatchingData) -> Subtags {
        var subtags = tag.subtags
        if let whole = data.languageAliases[tag.rawValue.lowercased()], let replaced = LanguageTag(rawValue: whole) {
            subtags = replaced.subtags
        }
        var result = Subtags()
        result.update(with: languageSubtags(String(subtags[0]), data: data))
        for (index, subtag) in subtags.enumerated().dropFirst() {
            if subtag.count == 1 { break }  // extensions and private use do not take part in matching
            if index == 1, subtag.count == 3, subtag.allSatisfy(\.isLetter) {
                // An extended language subtag: `zh-yue` is `yue`.
                if let replacement = data.languageAliases[subtags[0] + "-" + subtag] {
                    result.update(with: languageSubtags(replacement, data: data))
                }
            } else if subtag.count == 4, subtag.allSatisfy(\.isLetter) {
                result.script = String(subtag)
            } else if subtag.count == 2 || (subtag.count == 3 && subtag.allSatisfy(\.isNumber)) {
                result.region = data.regionAliases[String(subtag)] ?? String(subtag)
            }
        }
        if let language = result.language, let macrolanguage = data.macrolanguages[language] {
            result.language = macrolanguage
        }
        return result
    }

    /// The subtags a language subtag stands for, through its alias if it has one (`mo` → `ro`).
    private static func languageSubtags(_ language: String, data: LanguageMatchingData) -> Subtags {
        subtags(of: data.languageAliases[language.lowercased()] ?? language)
    }

    /// The language, script and region of a canonical tag from the tables (`sr-Latn`, `zh-Hant-TW`).
    private static func subtags(of tag: String) -> Subtags {
        var result = Subtags()
        for (index, subtag) in tag.split(separator: "-").enumerated() {
            if index == 0 {
                result.language = subtag == "und" ? nil : String(subtag)
            } else if subtag.count == 1 {
                break  // private use (`en-x-i-default`)
            } else if subtag.count == 4 {
                result.script = String(subtag)
            } else if subtag.count <= 3 {
                result.region = String(subtag)
            }
        }
        return result
    }

    // MARK: - Likely subtags

    /// The likely subtags of the most specific form of `given` CLDR lists, in the order of UTS #35's
    /// lookup: language-script-region, language-region, language-script, language, und-script, und.
    private static func likelySubtags(_ given: Subtags, data: LanguageMatchingData) -> Subtags {
        let forms = [
            given,
            Subtags(language: given.language, region: given.region),
            Subtags(language: given.language, script: given.script),
            Subtags(language: given.language),
            Subtags(script: given.script),
            Subtags(),
        ]
        for form in forms {
            if let likely = data.likelySubtags[form.tag] { return subtags(of: likely) }
        }
        return Subtags()
    }
}
