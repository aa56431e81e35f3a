/// `glossary.json` as written, before its checks: ``Glossary`` is what passes them.
struct GlossaryFile: Decodable {
    var formatVersion: Int
    var concepts: [Concept]

    struct Concept: Decodable {
        var id: String
        var description: String
        var terms: [String: Term]
    }

    struct Term: Decodable {
        var term: String
        var avoid: [String]?
    }

    /// The concepts, checked: format version, lower-kebab-case unique ids, descriptions, known locales,
    /// terms and variants neither empty nor padded, no variant that is the term itself.
    func concepts(locales: Set<LanguageTag>?) throws(GlossaryError) -> [Glossary.Concept] {
        guard formatVersion == Glossary.currentFormatVersion else {
            throw GlossaryError("formatVersion: \(formatVersion); this build reads formatVersion \(Glossary.currentFormatVersion)")
        }
        var seen: Set<String> = []
        var concepts: [Glossary.Concept] = []
        for (index, concept) in self.concepts.enumerated() {
            let place = "concepts[\(index)]"
            guard Self.isKebabCase(concept.id) else { throw GlossaryError("\(place).id: \"\(concept.id)\" is not lower-kebab-case") }
            guard seen.insert(concept.id).inserted else { throw GlossaryError("\(place).id: \"\(concept.id)\" is used twice") }
            try Self.requireTrimmedText(concept.description, at: "\(place).description")
            var terms: [LanguageTag: Glossary.Term] = [:]
            for (tag, term) in concept.terms.sorted(by: { $0.key < $1.key }) {
                let termPlace = "\(place).terms.\(tag)"
                guard let locale = LanguageTag(rawValue: tag) else { throw GlossaryError("\(termPlace): not a BCP 47 language tag") }
                if let locales, !locales.contains(locale) { throw GlossaryError("\(termPlace): \(tag) is not a locale of the catalog") }
                guard terms[locale] == nil else { throw GlossaryError("\(termPlace): \(locale) has two terms") }
                try Self.requireTrimmedText(term.term, at: "\(termPlace).term")
                let avoid = term.avoid ?? []
                for (variantIndex, variant) in avoid.enumerated() {
                    let variantPlace = "\(termPlace).avoid[\(variantIndex)]"
                    try Self.requireTrimmedText(variant, at: variantPlace)
                    guard variant != term.term else { throw GlossaryError("\(variantPlace): \"\(variant)\" is the term itself") }
                }
                terms[locale] = Glossary.Term(term: term.term, avoid: avoid)
            }
            concepts.append(Glossary.Concept(id: concept.id, description: concept.description, terms: terms))
        }
        return concepts
    }

    private static func isKebabCase(_ id: String) -> Bool {
        let words = id.split(separator: "-", omittingEmptySubsequences: false)
        return words.allSatisfy { word in
            !word.isEmpty && word.allSatisfy { $0.isASCIIDigit || ($0.isASCIILetter && $0.isLowercase) }
        }
    }

    private static func requireTrimmedText(_ text: String, at place: String) throws(GlossaryError) {
        guard !text.isEmpty else { throw GlossaryError("\(place): empty") }
        guard text.trimmingOptionalWhitespaceAndNewlines() == text[...] else {
            throw GlossaryError("\(place): \"\(text)\" starts or ends with whitespace")
        }
    }
}
