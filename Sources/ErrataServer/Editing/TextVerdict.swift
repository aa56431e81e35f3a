package import ErrataCore

/// `admin.validateText`: what `admin.setText` would say of a text, its warnings included, without saving it.
///
/// The problems are those of the edit's own check (`CatalogStore.problems(in:for:)`), so a text
/// with no problems here passes that check in `admin.setText`, and each `detail` is, word for
/// word, one of the `problems` of the `InvalidParams` error `admin.setText` answers otherwise.
package struct TextVerdict: Encodable, Hashable, Sendable {
    /// One thing wrong with the text.
    package struct Problem: Encodable, Hashable, Sendable {
        /// What kind of problem: `Empty`, `Untrimmed`, `TooLong`, `ControlCharacter`,
        /// `PlaceholderMismatch`, `UndeclaredPlaceholder`, `InvalidMessage`, `ArgumentKindMismatch`,
        /// `DefaultNotANumber` or `NoSourceText`.
        package var reason: String
        package var detail: String
        /// Placeholders the source text has and this text lacks.
        package var missing: [String]?
        /// Placeholders this text has that the source text lacks (or, in the source text, that the entry does not declare).
        package var unknown: [String]?
        /// Where an `InvalidMessage` problem is, in characters from the start of the text.
        package var offset: Int?
    }

    /// Whether the edit would be accepted as far as the text goes.
    package var valid: Bool
    /// The field of the text checked: `message`, `remediation` or `developerHint`.
    package var field: TextField
    /// The text's length in characters, and the most allowed.
    package var length: Int
    package var maximumLength: Int
    package var problems: [Problem]
    /// What the glossary checks found: the text would be saved all the same.
    package var warnings: [TextWarningAnswer]
    /// The text as readers would see it, rendered with the entry's default parameters in the text's
    /// locale; `nil` when the text has problems.
    package var preview: String?

    package init(_ problems: [TextProblem], warnings: [TextWarningAnswer] = [], preview: String? = nil, text: String, field: TextField) {
        self.valid = problems.isEmpty
        self.warnings = warnings
        self.preview = preview
        self.field = field
        self.length = text.count
        self.maximumLength = TextRules.maximumLength
        self.problems = problems.map(Problem.init)
    }
}

extension TextVerdict.Problem {
    init(_ problem: TextProblem) {
        detail = problem.description
        switch problem {
        case .empty: reason = "Empty"
        case .untrimmed: reason = "Untrimmed"
        case .tooLong: reason = "TooLong"
        case .controlCharacter: reason = "ControlCharacter"
        case .placeholderMismatch(let expected, let found):
            reason = "PlaceholderMismatch"
            missing = Self.occurrences(of: expected, notIn: found)
            unknown = Self.occurrences(of: found, notIn: expected)
        case .undeclaredPlaceholder(let names):
            reason = "UndeclaredPlaceholder"
            unknown = names
        case .invalidMessage(let error):
            reason = "InvalidMessage"
            offset = error.offset
        case .argumentKindMismatch:
            reason = "ArgumentKindMismatch"
        case .defaultNotANumber:
            reason = "DefaultNotANumber"
        case .noSourceText: reason = "NoSourceText"
        }
    }

    /// The names of `names` left over once each name of `others` has taken away one occurrence:
    /// a placeholder used twice where the source uses it once is one too many.
    private static func occurrences(of names: [String], notIn others: [String]) -> [String] {
        var unmatched = others
        return names.filter { name in
            guard let index = unmatched.firstIndex(of: name) else { return true }
            unmatched.remove(at: index)
            return false
        }
    }
}
