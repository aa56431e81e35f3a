/// The rules every catalog text follows, shared by file validation and admin edits.
public enum TextRules {
    /// The longest text accepted, in characters.
    public static let maximumLength = 2_000

    /// What is wrong with a text, if anything.
    ///
    /// - Parameters:
    ///   - text: The text to check.
    ///   - sourceText: The same field's text in the source locale; `nil` when `text` is the source.
    ///   - declaredParameters: The entry's parameters with their default values.
    /// - Returns: The problems found, empty when the text is acceptable.
    public static func problems(
        in text: String,
        sourceText: String?,
        declaredParameters: [String: String]
    ) -> [TextProblem] {
        guard !text.isEmpty else { return [.empty] }
        var problems = formProblems(in: text, maximumLength: maximumLength, allowsLineFeeds: false)
        let pattern = MessagePattern(text)
        if let syntaxError = pattern.syntaxError {
            // Arguments are compared only once the text reads as a pattern.
            return problems + [.invalidMessage(syntaxError)]
        }
        let placeholders = pattern.placeholders
        if let sourceText {
            let source = MessagePattern(sourceText)
            let expected = source.placeholders
            if placeholders.sorted() != expected.sorted() {
                problems.append(.placeholderMismatch(expected: expected.sorted(), found: placeholders.sorted()))
            } else if source.syntaxError == nil {
                problems += kindMismatches(pattern.argumentKinds, expected: source.argumentKinds)
            }
        } else {
            let undeclared = Set(placeholders).subtracting(declaredParameters.keys)
            if !undeclared.isEmpty {
                problems.append(.undeclaredPlaceholder(undeclared.sorted()))
            }
            // Rendering without params uses the defaults, so a number argument's default must be a number.
            for (name, kinds) in pattern.argumentKinds.sorted(by: { $0.key < $1.key }) where !kinds.isDisjoint(with: [.number, .plural]) {
                if let value = declaredParameters[name], !MessagePattern.isNumberValue(value) {
                    problems.append(.defaultNotANumber(name, value: value))
                }
            }
        }
        return problems
    }

    /// The arguments used differently from the source text: `{n, plural, …}` where the source has `{n, number}`.
    private static func kindMismatches(
        _ kinds: [String: Set<MessageArgumentKind>], expected: [String: Set<MessageArgumentKind>]
    ) -> [TextProblem] {
        kinds.keys.sorted().compactMap { name in
            let found = kinds[name] ?? [], wanted = expected[name] ?? []
            return found == wanted ? nil : .argumentKindMismatch(name, expected: wanted.sorted(), found: found.sorted())
        }
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
    /// The text is not a valid ICU message pattern.
    case invalidMessage(MessagePatternError)
    /// The source text uses an argument as a number or plural whose default is not a plain decimal.
    case defaultNotANumber(String, value: String)
    /// An argument is used as another kind (`number`, `plural`, `select` or plain) than in the source text.
    case argumentKindMismatch(String, expected: [MessageArgumentKind], found: [MessageArgumentKind])
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
        case .invalidMessage(let error): "text is not a valid message: \(error)"
        case .defaultNotANumber(let name, let value):
            "{\(name)} is used as a number but its default '\(value)' is not a plain decimal such as 9999 or 2.5"
        case .argumentKindMismatch(let name, let expected, let found):
            "{\(name)} is used as \(Self.kinds(found)) where the source text uses it as \(Self.kinds(expected))"
        case .noSourceText: "the source language has no text for this field; write it first"
        }
    }

    private static func kinds(_ kinds: [MessageArgumentKind]) -> String {
        kinds.map { $0 == .simple ? "{name}" : "{name, \($0)}" }.joined(separator: " and ")
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
