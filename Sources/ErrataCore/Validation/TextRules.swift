/// The rules every catalog text follows, shared by file validation and admin edits.
public enum TextRules {
    /// The longest text accepted, in characters.
    public static let maximumLength = 2_000

    /// What is wrong with a text, if anything.
    ///
    /// - Parameters:
    ///   - text: The text to check.
    ///   - sourceText: The same field's text in the source locale; `nil` when `text` is the source.
    ///   - declaredParameters: The parameter names the entry declares defaults for.
    /// - Returns: The problems found, empty when the text is acceptable.
    public static func problems(
        in text: String,
        sourceText: String?,
        declaredParameters: Set<String>
    ) -> [TextProblem] {
        guard !text.isEmpty else { return [.empty] }
        var problems = formProblems(in: text, maximumLength: maximumLength, allowsLineFeeds: false)
        let placeholders = TextTemplate(text).placeholders
        if let sourceText {
            let expected = TextTemplate(sourceText).placeholders
            if placeholders.sorted() != expected.sorted() {
                problems.append(.placeholderMismatch(expected: expected.sorted(), found: placeholders.sorted()))
            }
        } else {
            let undeclared = Set(placeholders).subtracting(declaredParameters)
            if !undeclared.isEmpty {
                problems.append(.undeclaredPlaceholder(undeclared.sorted()))
            }
        }
        return problems
    }

    /// The problems of form every catalog string is checked for, texts and notes for translators alike:
    /// empty, surrounding whitespace, too long, control characters (but line feeds, when allowed).
    static func formProblems(in text: String, maximumLength: Int, allowsLineFeeds: Bool) -> [TextProblem] {
        guard !text.isEmpty else { return [.empty] }
        var problems: [TextProblem] = []
        if text.trimmingOptionalWhitespaceAndNewlines() != text[...] {
            problems.append(.untrimmed)
        }
        if text.count > maximumLength {
            problems.append(.tooLong(maximum: maximumLength))
        }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !(allowsLineFeeds && $0 == "\n") }) {
            problems.append(.controlCharacter)
        }
        return problems
    }
}

/// One thing wrong with a catalog text.
public enum TextProblem: Hashable, Sendable, CustomStringConvertible {
    case empty
    case untrimmed
    case tooLong(maximum: Int)
    case controlCharacter
    /// The placeholders differ from the source text's.
    case placeholderMismatch(expected: [String], found: [String])
    /// The source text uses placeholders the entry has no default value for.
    case undeclaredPlaceholder([String])
    /// A translation of an optional text the source locale does not have yet.
    case noSourceText

    public var description: String {
        switch self {
        case .empty: "text is empty"
        case .untrimmed: "text starts or ends with whitespace"
        case .tooLong(let maximum): "text is longer than \(maximum) characters"
        case .controlCharacter: "text contains a control character"
        case .placeholderMismatch(let expected, let found):
            "placeholders \(Self.list(found)) do not match the source text's \(Self.list(expected))"
        case .undeclaredPlaceholder(let names): "placeholders \(Self.list(names)) have no default in the entry's parameters"
        case .noSourceText: "the source language has no text for this field; write it first"
        }
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "(none)" : names.map { "{\($0)}" }.joined(separator: ", ")
    }
}

extension StringProtocol {
    func trimmingOptionalWhitespaceAndNewlines() -> SubSequence {
        guard let start = firstIndex(where: { !$0.isWhitespace }) else { return self[endIndex...] }
        return self[start...lastIndex(where: { !$0.isWhitespace })!]
    }
}
