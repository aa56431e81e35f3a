package import ErrataCore

/// A warning about a text, which is saved all the same: in the answers of `admin.setText`,
/// `admin.validateText` and `admin.draft` and their REST twins.
package struct TextWarningAnswer: Codable, Hashable, Sendable {
    /// `AvoidedVariant`, `SimplifiedCharacter`, `TraditionalCharacter` or `HalfWidthPunctuation`.
    package var kind: String
    /// The offending substring or character.
    package var found: String
    /// Where `found` starts, in characters, as `length` counts them.
    package var offset: Int
    /// The glossary concept, for `AvoidedVariant`.
    package var concept: String?
    /// What to write instead: the agreed term, or the full-width punctuation.
    package var suggestion: String?
    /// One line for people.
    package var message: String

    package init(_ warning: TextWarning) {
        self.kind = warning.kind.rawValue
        self.found = warning.found
        self.offset = warning.offset
        self.concept = warning.concept
        self.suggestion = warning.suggestion
        self.message = warning.description
    }

    /// The warnings of `text` in `locale`, as answers.
    package static func warnings(in text: String, locale: LanguageTag, glossary: Glossary?) -> [TextWarningAnswer] {
        GlossaryChecker.warnings(in: text, locale: locale, glossary: glossary).map(TextWarningAnswer.init)
    }
}
