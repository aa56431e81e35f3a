package import ErrataCore
import Foundation
import GRDB

extension CatalogStore {
    /// Stages the translations a translator's file brings as draft edits, each judged on its own.
    ///
    /// For each translation, in this order: an id that names no text is `invalid`; a `source` that is
    /// no longer the source text (as editors see it, a pending edit included) is `stale`; no target is
    /// `untranslated`; a target and state equal to the text's current ones are `unchanged`; a text with
    /// a pending draft edit that says something else, or (when `baseRevision` is known) published
    /// after it with another value, is a `conflict`; a target that ``TextRules`` refuses, checked
    /// exactly as `admin.setText` checks it, is `invalid`. Every other translation is staged in the
    /// draft with its state and is `changed`. All of it is one transaction.
    ///
    /// - Parameters:
    ///   - translations: The file's units.
    ///   - locale: The language of the targets; it must be one of the catalog's locales, not its source language.
    ///   - sourceLocale: The language of the sources; it must be the catalog's source language.
    ///   - baseRevision: The published revision the file was exported from, when it says.
    ///   - author: Recorded with the draft edits.
    /// - Returns: The outcome of every translation, in the order given.
    /// - Throws: ``EditError`` `unknownLocale` for a locale the catalog lacks (`admin.addLocale` adds it);
    ///   ``StoreError`` when the languages are not the catalog's source language and another locale.
    package func importTranslations(
        _ translations: [ImportedTranslation], into locale: LanguageTag, from sourceLocale: LanguageTag, baseRevision: Int?, author: String
    ) async throws -> TranslationImportReport {
        try await pool.write { db in
            let context = EditingContext(db: db)
            let catalogSource = try context.sourceLocale()
            guard sourceLocale == catalogSource else {
                throw StoreError.languageMismatch("the file translates from \(sourceLocale), but the catalog's source language is \(catalogSource)")
            }
            guard locale != catalogSource else {
                throw StoreError.languageMismatch("the file's target language is the source language \(locale); edit source texts with admin.setText")
            }
            try context.requireLocale(locale)
            let texts = try Self.textKeysByID(in: locale, db: db)
            var report = TranslationImportReport()
            for translation in translations {
                let outcome = try Self.outcome(
                    of: translation, key: texts[translation.id], sourceLocale: catalogSource, baseRevision: baseRevision, author: author, context: context
                )
                report.units.append(.init(id: translation.id, outcome: outcome))
            }
            return report
        }
    }

    /// Every text key of `locale`, with its entry row, by ``TextKey/stringKey``.
    private static func textKeysByID(in locale: LanguageTag, db: Database) throws -> [String: (key: TextKey, entry: EntryRecord)] {
        var texts: [String: (key: TextKey, entry: EntryRecord)] = [:]
        for entry in try EntryRecord.fetchAll(db) {
            for field in TextField.allCases {
                let key = TextKey(entry: entry.key, locale: locale, field: field)
                texts[key.stringKey] = (key, entry)
            }
        }
        return texts
    }

    private static func outcome(
        of translation: ImportedTranslation, key: (key: TextKey, entry: EntryRecord)?, sourceLocale: LanguageTag, baseRevision: Int?,
        author: String, context: EditingContext
    ) throws -> TranslationImportReport.Outcome {
        guard let (key, entry) = key else { return .invalid("no text has this id") }
        let entryID = entry.id!
        let source = try context.currentVersion(entryID: entryID, locale: sourceLocale, field: key.field)
        guard source?.text == translation.source else { return .stale(currentSource: source?.text ?? "") }
        guard let target = translation.target, !target.isEmpty else { return .untranslated }
        let current = try context.currentVersion(entryID: entryID, locale: key.locale, field: key.field)
        if current?.text == target, current?.state == translation.state { return .unchanged }
        if let current, current.pending, current.text != target {
            return .conflict("a pending draft edit (version \(current.number)) says something else")
        }
        if let baseRevision, let current, !current.pending, current.number > baseRevision, current.text != target {
            return .conflict("published revision \(current.number) changed it after the file's revision \(baseRevision)")
        }
        let problems = try context.problems(in: target, for: key, entry: entry)
        guard problems.isEmpty else { return .invalid(problems.map(\.description).joined(separator: "; ")) }
        _ = try context.stage(entryID: entryID, locale: key.locale, field: key.field, value: target, state: translation.state, author: author)
        return .changed
    }
}

/// One translation of a file, as ``CatalogStore/importTranslations(_:into:from:baseRevision:author:)`` takes it.
package struct ImportedTranslation: Hashable, Sendable {
    /// The text's ``TextKey/stringKey``, such as `NoSuchKey.message`.
    package var id: String
    /// The source text the translator translated.
    package var source: String
    /// The translation; `nil` or empty when the file has none.
    package var target: String?
    package var state: TranslationState

    package init(id: String, source: String, target: String?, state: TranslationState) {
        self.id = id
        self.source = source
        self.target = target
        self.state = state
    }
}

extension ImportedTranslation {
    /// The translation an XLIFF unit brings, its state mapped by ``XLIFFState/translationState``;
    /// a target without a state is `translated`.
    package init(_ unit: XLIFFDocument.Unit) {
        self.init(id: unit.id, source: unit.source, target: unit.target, state: unit.state?.translationState ?? .translated)
    }
}

/// What an import of translations did with each of them.
package struct TranslationImportReport: Hashable, Sendable {
    /// What became of one translation.
    package enum Outcome: Hashable, Sendable {
        /// Staged in the draft.
        case changed
        /// The same text and state as the catalog's now.
        case unchanged
        /// The file has no translation for it.
        case untranslated
        /// Refused: the source text changed since the file was exported; it is now `currentSource`.
        case stale(currentSource: String)
        /// Refused: the text was edited since the file was exported.
        case conflict(String)
        /// Refused: an unknown id, or a text the text rules refuse; the problem.
        case invalid(String)

        /// The outcome's name in a report: `changed`, `unchanged`, `untranslated`, `stale`, `conflict` or `invalid`.
        package var name: String {
            switch self {
            case .changed: "changed"
            case .unchanged: "unchanged"
            case .untranslated: "untranslated"
            case .stale: "stale"
            case .conflict: "conflict"
            case .invalid: "invalid"
            }
        }

        /// Whether the translation was refused, so the import did not do all the file asked.
        package var isRefusal: Bool {
            switch self {
            case .changed, .unchanged, .untranslated: false
            case .stale, .conflict, .invalid: true
            }
        }
    }

    /// One translation's id and outcome.
    package struct Unit: Hashable, Sendable {
        package var id: String
        package var outcome: Outcome
    }

    package var units: [Unit] = []

    /// The ids of the translations with the outcome named `name` (see ``Outcome/name``).
    package func ids(_ name: String) -> [String] {
        units.filter { $0.outcome.name == name }.map(\.id)
    }
}
