/// The rules a note for translators follows: a text's comment or a placeholder's note.
///
/// A note may be long enough for a few sentences and may hold line breaks; it may not be blank.
public enum NoteRules {
    /// The longest note accepted, in characters.
    public static let maximumLength = 1_000

    /// What is wrong with a note, if anything; empty when it is acceptable.
    public static func problems(in note: String) -> [NoteProblem] {
        guard !note.isEmpty else { return [.empty] }
        var problems: [NoteProblem] = []
        if note.trimmingOptionalWhitespaceAndNewlines() != note[...] {
            problems.append(.untrimmed)
        }
        if note.count > maximumLength {
            problems.append(.tooLong(maximum: maximumLength))
        }
        if note.unicodeScalars.contains(where: { $0 != "\n" && $0.properties.generalCategory == .control }) {
            problems.append(.controlCharacter)
        }
        return problems
    }
}

/// One thing wrong with a note for translators.
public enum NoteProblem: Hashable, Sendable, CustomStringConvertible {
    case empty
    case untrimmed
    case tooLong(maximum: Int)
    /// A control character other than a line feed.
    case controlCharacter

    /// The problem as the end of a sentence naming the note, such as "is empty".
    public var description: String {
        switch self {
        case .empty: "is empty"
        case .untrimmed: "starts or ends with whitespace"
        case .tooLong(let maximum): "is longer than \(maximum) characters"
        case .controlCharacter: "contains a control character other than a line feed"
        }
    }
}
