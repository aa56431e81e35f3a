public import Foundation

/// The agreed term per concept and locale, and the variants to avoid: `Localizations/glossary.json`.
///
/// For example:
///
/// ```json
/// {"formatVersion": 1,
///  "concepts": [{"id": "object", "description": "A stored blob and its metadata.",
///                "terms": {"zh-Hans": {"term": "对象", "avoid": ["对像"]}}}]}
/// ```
///
/// The file is kept as it was read (``document``), so that the store hands an export the same bytes
/// an import gave it; the concepts are what ``GlossaryChecker`` reads.
public struct Glossary: Hashable, Sendable {
    /// The only format version this build reads.
    public static let currentFormatVersion = 1

    /// The concepts, in file order.
    public let concepts: [Concept]
    /// The file, byte for byte as read.
    public let document: Data

    /// One concept: its agreed term in each locale that has one.
    public struct Concept: Hashable, Sendable {
        /// Lower-kebab-case, unique in the glossary, such as `object-key`.
        public let id: String
        /// What the concept is, in English, for translators.
        public let description: String
        public let terms: [LanguageTag: Term]
    }

    /// The form of a concept a locale uses, and the variants that are wrong in every text of that locale.
    public struct Term: Hashable, Sendable {
        public let term: String
        public let avoid: [String]

        public init(term: String, avoid: [String]) {
            self.term = term
            self.avoid = avoid
        }
    }

    /// Reads and checks a glossary file.
    ///
    /// - Parameters:
    ///   - document: The file's bytes.
    ///   - locales: The catalog's locales, when known: a term of any other locale is refused.
    /// - Throws: ``GlossaryError`` naming the place of the first problem (`concepts[3].terms.fr`).
    public init(document: Data, locales: Set<LanguageTag>? = nil) throws(GlossaryError) {
        let file: GlossaryFile
        do {
            file = try JSONDecoder().decode(GlossaryFile.self, from: document)
        } catch let error as DecodingError {
            throw GlossaryError(error.readableDescription)
        } catch {
            throw GlossaryError("\(error)")
        }
        self.concepts = try file.concepts(locales: locales)
        self.document = document
    }
}

/// What is wrong with a glossary file: one line naming the place, such as `concepts[2].id: "object" is used twice`.
public struct GlossaryError: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
