/// An Apple String Catalog (`.xcstrings`): string keys with a value and translation state per locale.
///
/// Only the parts Errata uses are modelled: plain string units, no plural or device variations.
public struct StringCatalog: Codable, Hashable, Sendable {
    public var sourceLanguage: String
    public var strings: [String: StringEntry]
    public var version: String

    /// One key of the catalog.
    public struct StringEntry: Codable, Hashable, Sendable {
        public var comment: String?
        public var extractionState: String?
        public var localizations: [String: Localization]?

        public init(comment: String? = nil, extractionState: String? = "manual", localizations: [String: Localization]) {
            self.comment = comment
            self.extractionState = extractionState
            self.localizations = localizations
        }
    }

    /// One locale's value of a key.
    public struct Localization: Codable, Hashable, Sendable {
        public var stringUnit: StringUnit?

        public init(stringUnit: StringUnit) {
            self.stringUnit = stringUnit
        }
    }

    /// A translated string and how far its translation has come.
    public struct StringUnit: Codable, Hashable, Sendable {
        public var state: TranslationState
        public var value: String

        public init(state: TranslationState, value: String) {
            self.state = state
            self.value = value
        }
    }

    public init(sourceLanguage: String, strings: [String: StringEntry], version: String = "1.0") {
        self.sourceLanguage = sourceLanguage
        self.strings = strings
        self.version = version
    }
}

/// The state of one translation, as string catalogs record it.
public struct TranslationState: StringIdentifier {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The text is current.
    public static let translated = TranslationState(rawValue: "translated")
    /// The source text changed after this translation was written; a translator should look at it.
    public static let needsReview = TranslationState(rawValue: "needs_review")
}
