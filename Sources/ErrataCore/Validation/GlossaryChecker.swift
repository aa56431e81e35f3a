/// Finds the ``TextWarning``s of a catalog text: avoided glossary variants, characters of the other
/// Chinese script, half-width punctuation in Chinese.
///
/// Text inside `{…}` (placeholders) and `` `…` `` (quoted literals) is never warned about. A placeholder
/// used in one locale and not another is no warning: ``TextRules`` refuses it.
public enum GlossaryChecker {
    /// The warnings of `text` in `locale`, in order of position.
    ///
    /// - Parameter glossary: The glossary; `nil` (no `glossary.json`) checks no variants, the other checks still run.
    public static func warnings(in text: String, locale: LanguageTag, glossary: Glossary?) -> [TextWarning] {
        let characters = Array(text)
        let checked = checkedPositions(of: characters)
        var warnings = avoidedVariants(in: characters, checked: checked, locale: locale, glossary: glossary)
        if locale.language == "zh" {
            warnings += otherScriptCharacters(in: characters, checked: checked, locale: locale)
            warnings += halfWidthPunctuation(in: characters, checked: checked)
        }
        return warnings.sorted { ($0.offset, $0.kind.rawValue) < ($1.offset, $1.kind.rawValue) }
    }

    /// Whether each character is checked: not inside `{…}` (nested braces counted) nor `` `…` ``.
    static func checkedPositions(of characters: [Character]) -> [Bool] {
        var checked = [Bool](repeating: true, count: characters.count)
        var braceDepth = 0
        var inBackticks = false
        for (index, character) in characters.enumerated() {
            if character == "`", braceDepth == 0 {
                inBackticks.toggle()
                checked[index] = false
            } else if character == "{", !inBackticks {
                braceDepth += 1
            }
            if braceDepth > 0 || inBackticks { checked[index] = false }
            if character == "}", braceDepth > 0, !inBackticks { braceDepth -= 1 }
        }
        return checked
    }

    // MARK: - Avoided variants

    private static func avoidedVariants(in characters: [Character], checked: [Bool], locale: LanguageTag, glossary: Glossary?) -> [TextWarning] {
        guard let glossary else { return [] }
        // English variants match in any case ("File" as well as "file"); other scripts have no case.
        let ignoresCase = locale.language == "en"
        func comparable(_ characters: [Character]) -> [String] { characters.map { ignoresCase ? $0.lowercased() : String($0) } }
        let text = comparable(characters)
        var warnings: [TextWarning] = []
        for concept in glossary.concepts {
            guard let term = concept.terms[locale] else { continue }
            for variant in term.avoid {
                let pattern = comparable(Array(variant))
                for start in occurrences(of: pattern, in: text) where checked[start..<start + pattern.count].allSatisfy({ $0 }) {
                    warnings.append(TextWarning(
                        kind: .avoidedVariant, found: String(characters[start..<start + pattern.count]), offset: start,
                        concept: concept.id, suggestion: term.term
                    ))
                }
            }
        }
        return warnings
    }

    /// The start of each occurrence of `pattern` in `characters`, overlapping ones included.
    private static func occurrences(of pattern: [String], in characters: [String]) -> [Int] {
        guard !pattern.isEmpty, pattern.count <= characters.count else { return [] }
        return (0...(characters.count - pattern.count)).filter { characters[$0..<$0 + pattern.count].elementsEqual(pattern) }
    }

    // MARK: - Chinese

    private static func otherScriptCharacters(in characters: [Character], checked: [Bool], locale: LanguageTag) -> [TextWarning] {
        let foreign: Set<Unicode.Scalar>
        let kind: TextWarning.Kind
        switch locale.script {
        case "Hant"?:
            foreign = ChineseScriptCharacters.simplifiedOnly
            kind = .simplifiedCharacter
        case "Hans"?:
            foreign = ChineseScriptCharacters.traditionalOnly
            kind = .traditionalCharacter
        default:
            return []
        }
        return characters.indices.compactMap { index in
            guard checked[index], characters[index].unicodeScalars.contains(where: foreign.contains) else { return nil }
            return TextWarning(kind: kind, found: String(characters[index]), offset: index)
        }
    }

    /// The full-width form of each half-width punctuation mark Chinese text must not use.
    private static let fullWidth: [Character: String] = [",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"]

    /// Half-width punctuation whose nearest neighbour on either side, past spaces and other such marks
    /// (`…)!`), is a Han character: `1,024`, `x-amz-acl: private` and URLs have none, so they are left alone.
    private static func halfWidthPunctuation(in characters: [Character], checked: [Bool]) -> [TextWarning] {
        let isNeighbour = { (character: Character) in character != " " && fullWidth[character] == nil }
        return characters.indices.compactMap { index in
            guard checked[index], let replacement = fullWidth[characters[index]] else { return nil }
            let before = characters[..<index].last(where: isNeighbour)
            let after = characters[(index + 1)...].first(where: isNeighbour)
            guard before.map(isHan) == true || after.map(isHan) == true else { return nil }
            return TextWarning(kind: .halfWidthPunctuation, found: String(characters[index]), offset: index, suggestion: replacement)
        }
    }

    /// Whether `character` is a CJK ideograph (the unified blocks, their extensions and compatibility ideographs).
    static func isHan(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }
}
