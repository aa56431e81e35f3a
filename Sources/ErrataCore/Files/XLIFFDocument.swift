/// One locale's texts as an XLIFF 1.2 document: the shape Xcode exports and translation tools read.
///
/// One `<file>` whose `<trans-unit>`s are the catalog's texts, with the id `<Code>[.<variant>].<field>`
/// (``TextKey/stringKey``), the source language's text as `<source>`, the translation as `<target>`
/// with its `state`, and notes for the translator. The published revision it was exported from is
/// kept in an attribute of Errata's own namespace on `<file>`, which XLIFF 1.2 allows and tools
/// that edit the file in place keep.
package struct XLIFFDocument: Hashable, Sendable {
    /// The XLIFF 1.2 namespace.
    package static let namespace = "urn:oasis:names:tc:xliff:document:1.2"
    /// The namespace of Errata's own attributes.
    package static let errataNamespace = "urn:x-errata:xliff"
    /// What `<file original>` names: the string catalog the texts live in.
    package static let original = LocalizationsDirectory.stringCatalogFileName

    package var sourceLanguage: LanguageTag
    package var targetLanguage: LanguageTag
    /// The published revision the document was exported from; `nil` when the file does not say.
    package var revision: Int?
    package var units: [Unit]

    /// One text to translate.
    package struct Unit: Hashable, Sendable {
        /// The text's ``TextKey/stringKey``, such as `BucketNotEmpty.acl.message`.
        package var id: String
        /// The text in the source language, as exported: an import compares it with the current one.
        package var source: String
        /// The translation; `nil` or empty when there is none yet.
        package var target: String?
        package var state: XLIFFState?
        /// What the translator should know: what the text is for, its placeholders, the error it explains.
        package var notes: [String]

        package init(id: String, source: String, target: String?, state: XLIFFState?, notes: [String] = []) {
            self.id = id
            self.source = source
            self.target = target
            self.state = state
            self.notes = notes
        }
    }

    package init(sourceLanguage: LanguageTag, targetLanguage: LanguageTag, revision: Int?, units: [Unit]) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.revision = revision
        self.units = units
    }
}

/// The `state` of an XLIFF 1.2 `<target>`, mapped to and from Errata's ``TranslationState``.
///
/// Exported: `translated` for a translated text, `needs-review-translation` for one whose source
/// changed since (`needs_review`); a text not translated yet has no `<target>`, which is how Xcode
/// and XLIFF 1.2 say `new`. Imported: `translated`, `final` and `signed-off` (and no state at all)
/// are `translated`; every other state, `new` and `needs-review-translation` among them, is
/// `needs_review`: the text is kept, and a reviewer confirms it.
package struct XLIFFState: StringIdentifier {
    package let rawValue: String

    package init(rawValue: String) {
        self.rawValue = rawValue
    }

    package static let new = XLIFFState(rawValue: "new")
    package static let translated = XLIFFState(rawValue: "translated")
    package static let needsReviewTranslation = XLIFFState(rawValue: "needs-review-translation")
    package static let final = XLIFFState(rawValue: "final")
    package static let signedOff = XLIFFState(rawValue: "signed-off")

    /// The state that says what `state` says.
    package init(_ state: TranslationState) {
        self = state == .translated ? .translated : .needsReviewTranslation
    }

    /// The review state a target in this state is imported with.
    package var translationState: TranslationState {
        [.translated, .final, .signedOff].contains(self) ? .translated : .needsReview
    }
}

extension XLIFFDocument {
    /// The texts of `catalog` to translate into `locale`: one unit per text of the source language,
    /// in catalog order, with the translation and its state where there is one.
    package init(translating catalog: Catalog, into locale: LanguageTag, revision: Int?) {
        var units: [Unit] = []
        for entry in catalog.entries {
            for field in TextField.allCases {
                let sourceKey = TextKey(entry: entry.key, locale: catalog.sourceLocale, field: field)
                guard let source = catalog.texts[sourceKey] else { continue }
                let key = TextKey(entry: entry.key, locale: locale, field: field)
                let target = catalog.texts[key]
                units.append(Unit(
                    id: key.stringKey, source: source, target: target,
                    state: target.map { _ in XLIFFState(catalog.needsReview.contains(key) ? .needsReview : .translated) },
                    notes: Self.notes(for: entry, field: field, source: source, locale: locale)
                ))
            }
        }
        self.init(sourceLanguage: catalog.sourceLocale, targetLanguage: locale, revision: revision, units: units)
    }

    /// What a translator needs beside the text: what the field is for and the entry's comment on it,
    /// the error it explains, and each placeholder the source uses with what it means and the value
    /// it has when a caller gives none; for a plural, the cases `locale` needs.
    static func notes(for entry: CatalogEntry, field: TextField, source: String, locale: LanguageTag) -> [String] {
        var notes = [field.purpose]
        if let comment = entry.comments[field] { notes.append(comment) }
        notes.append("The storage service answers HTTP \(entry.httpStatus) with the message: \(entry.serviceMessage)")
        let pattern = MessagePattern(source)
        let kinds = pattern.argumentKinds
        for name in Set(pattern.placeholders).sorted() {
            let meaning = entry.parameterNotes[name].map { " \($0)" } ?? ""
            let example = entry.parameters[name].map { " Default: \($0)." } ?? ""
            let use = kinds[name, default: []].contains(.plural)
                ? "is a number that picks a plural case; keep {\(name), plural, …} and write the cases this language uses: "
                    + PluralRules(locale: locale).categories.map(\.rawValue).joined(separator: ", ") + " (# is the number)."
                : "is replaced by a value; keep it as written."
            notes.append("{\(name)} \(use)\(meaning)\(example)")
        }
        return notes
    }
}

extension TextField {
    /// What the text in this field is for, as a translator should read it.
    var purpose: String {
        switch self {
        case .message: "Message: one short sentence telling the user what happened."
        case .remediation: "Remediation: concrete steps a console or CLI user can take to fix it."
        case .developerHint: "Developer hint: what a developer calling the storage API should check or change in code; keep API names, headers and code as written."
        }
    }
}
