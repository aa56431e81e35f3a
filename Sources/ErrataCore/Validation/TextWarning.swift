/// Something in a catalog text that is likely wrong but is not refused: the text is saved all the same.
///
/// ``TextProblem`` refuses a text; a warning only tells. ``GlossaryChecker`` finds them.
public struct TextWarning: Hashable, Sendable, CustomStringConvertible {
    /// What kind of warning, as the admin API names it.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A variant the glossary says to avoid; ``TextWarning/concept`` names the concept.
        case avoidedVariant = "AvoidedVariant"
        /// A Simplified-only character in a Traditional Chinese text.
        case simplifiedCharacter = "SimplifiedCharacter"
        /// A Traditional-only character in a Simplified Chinese text.
        case traditionalCharacter = "TraditionalCharacter"
        /// `,` `;` `:` `?` `!` `(` or `)` next to Chinese characters, where the full-width form belongs.
        case halfWidthPunctuation = "HalfWidthPunctuation"
    }

    public var kind: Kind
    /// The offending substring or character, as the text has it.
    public var found: String
    /// Where `found` starts, in characters from the start of the text (as a text's length is counted).
    public var offset: Int
    /// The glossary concept, for ``Kind/avoidedVariant``.
    public var concept: String?
    /// What to write instead, when there is one form: the agreed term, or the full-width punctuation.
    public var suggestion: String?

    public init(kind: Kind, found: String, offset: Int, concept: String? = nil, suggestion: String? = nil) {
        self.kind = kind
        self.found = found
        self.offset = offset
        self.concept = concept
        self.suggestion = suggestion
    }

    /// One line for people, such as `“文件” at 4 is a variant to avoid for object; the glossary says “对象”`.
    public var description: String {
        switch kind {
        case .avoidedVariant:
            "“\(found)” at \(offset) is a variant to avoid for \(concept ?? "a glossary concept"); the glossary says “\(suggestion ?? "")”"
        case .simplifiedCharacter: "“\(found)” at \(offset) is a Simplified-only character in a Traditional Chinese text"
        case .traditionalCharacter: "“\(found)” at \(offset) is a Traditional-only character in a Simplified Chinese text"
        case .halfWidthPunctuation: "half-width “\(found)” at \(offset) next to Chinese text; use the full-width “\(suggestion ?? "")”"
        }
    }
}
