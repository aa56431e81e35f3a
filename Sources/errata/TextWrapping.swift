/// Fits text into terminal columns, counting East Asian wide characters as two columns.
///
/// Lines break at spaces and, in Chinese text, between any two characters, except before closing
/// punctuation (`，。）`) and after opening punctuation (`（「`), which must stay with their neighbour.
enum TextWrapping {
    /// `text` in lines of at most `width` columns.
    ///
    /// - Parameters:
    ///   - text: One paragraph; newlines count as spaces.
    ///   - width: The columns available, prefixes included.
    ///   - firstPrefix: Starts the first line, such as a step number.
    ///   - prefix: Starts every other line, usually spaces as wide as `firstPrefix`.
    /// - Returns: The lines; a word wider than a line is split.
    static func wrap(_ text: String, width: Int, firstPrefix: String = "", prefix: String = "") -> [String] {
        var lines: [String] = []
        var line = firstPrefix
        var used = columns(firstPrefix)
        var lineHasText = false
        func startLine() {
            lines.append(line)
            line = prefix
            used = columns(prefix)
            lineHasText = false
        }
        for token in tokens(of: text) {
            let space = lineHasText && token.spaceBefore ? 1 : 0
            if lineHasText, used + space + token.width > width {
                startLine()
            } else if space == 1 {
                line.append(" ")
                used += 1
            }
            for character in token.text {
                let characterWidth = columns(character)
                if lineHasText, used + characterWidth > width { startLine() }
                line.append(character)
                used += characterWidth
                lineHasText = true
            }
        }
        lines.append(line)
        return lines
    }

    /// `text` cut to at most `width` columns, ending in `...` when cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard columns(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = columns(character)
            if used + characterWidth > width - 3 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "..."
    }

    /// The columns `text` takes in a terminal.
    static func columns(_ text: String) -> Int {
        text.reduce(0) { $0 + columns($1) }
    }

    /// The columns a character takes: 2 for East Asian wide and fullwidth characters and emoji, 0 for controls.
    static func columns(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0:
            return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return scalar.properties.isEmojiPresentation ? 2 : 1
        }
    }

    // MARK: - Tokens

    /// A run of characters no line may break inside.
    private struct Token {
        var text = ""
        var width = 0
        /// Whether a space separated it from the previous token.
        var spaceBefore = false
    }

    private static let closingPunctuation: Set<Character> = Set("，。、；：！？）」』】》〉,.;:!?)]}%")
    private static let openingPunctuation: Set<Character> = Set("（「『【《〈([{")

    private static func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var current = Token()
        var sawSpace = false
        var previous: Character?
        for character in text {
            if character.isWhitespace {
                if !current.text.isEmpty { tokens.append(current) }
                current = Token()
                sawSpace = true
                previous = nil
                continue
            }
            if let previous, breakAllowed(between: previous, and: character) {
                tokens.append(current)
                current = Token()
            }
            if current.text.isEmpty {
                current.spaceBefore = sawSpace
                sawSpace = false
            }
            current.text.append(character)
            current.width += columns(character)
            previous = character
        }
        if !current.text.isEmpty { tokens.append(current) }
        return tokens
    }

    /// Whether a line may break between two adjacent characters with no space between them.
    private static func breakAllowed(between before: Character, and after: Character) -> Bool {
        guard columns(before) == 2 || columns(after) == 2 else { return false }
        return !closingPunctuation.contains(after) && !openingPunctuation.contains(before)
    }
}
