package import ErrataCore
package import ErrataStore

/// `admin.overview`, `GET /v1/admin/overview`: every entry with its texts in every locale as
/// editors see them, each locale's review state, and per-locale completeness; what a console
/// needs to list, find, badge and open errors in one call.
///
/// Its size grows with entries × locales × 2 or 3 texts: about 320 KB of JSON (not compressed) for the 59 entries
/// (43 with a developer hint) in 5 locales shipped in `Localizations/`.
package struct OverviewAnswer: Encodable, Hashable, Sendable {
    /// How far each locale is translated, counted in entries.
    package struct LocaleSummary: Encodable, Hashable, Sendable {
        package var tag: LanguageTag
        package var name: String
        /// Whether this is the source language every other locale is translated from.
        package var source: Bool
        /// Entries whose texts all exist and are translated.
        package var translated = 0
        /// Entries with a text that needs review (and none missing).
        package var needsReview = 0
        /// Entries with a text not written yet.
        package var missing = 0
        /// Entries with a pending draft edit in this locale.
        package var pending = 0
        /// Entries in all.
        package var total = 0
        /// Whether every entry is translated.
        package var complete = true
    }

    /// One locale of one entry: its texts and the state a console badges.
    package struct LocaleTexts: Encodable, Hashable, Sendable {
        /// `missing` when a text is not written yet (a developer hint only counts once its source text
        /// is written), else `needs_review` when one needs review, else `translated`.
        package var state: String
        /// Whether a text has a pending draft edit.
        package var pending: Bool
        /// The texts that exist (the draft text where one is pending), with their versions for `expectedVersion`.
        package var message: TextAnswer?
        package var remediation: TextAnswer?
        package var developerHint: TextAnswer?
    }

    /// A `{placeholder}` the entry's texts may use, with the value used when a caller gives none.
    package struct Placeholder: Encodable, Hashable, Sendable {
        package var name: String
        package var defaultValue: String
        /// What it means and its unit, for translators; absent when the catalog has no note.
        package var note: String?

        private enum CodingKeys: String, CodingKey {
            case name
            case defaultValue = "default"
            case note
        }
    }

    /// One (code, variant) with its facts and texts.
    package struct Entry: Encodable, Hashable, Sendable {
        package var code: ErrorCode
        package var variant: VariantName?
        package var httpStatus: Int
        package var category: String
        package var retry: String
        package var fault: String
        /// The storage service's own English message, verbatim.
        package var serviceMessage: String
        package var placeholders: [Placeholder]
        /// The translator comment of each field's text (`message`, `remediation`, `developerHint`), the same in every
        /// locale; a field without a comment is absent.
        package var comments: [String: String]
        /// By locale tag.
        package var locales: [String: LocaleTexts]
    }

    /// The newest published revision.
    package var revision: Int
    /// The language the others are translated from: its texts are the source texts.
    package var sourceLocale: LanguageTag
    package var locales: [LocaleSummary]
    package var entries: [Entry]

    package init(_ overview: CatalogOverview) {
        revision = overview.revision
        sourceLocale = overview.sourceLocale
        var summaries = overview.locales.map { LocaleSummary(tag: $0.tag, name: $0.name, source: $0.tag == overview.sourceLocale) }
        entries = overview.entries.map { item in
            let sourceTexts = item.texts[overview.sourceLocale] ?? [:]
            let expected = TextField.allCases.filter { $0.isRequired || sourceTexts[$0]?.text.isEmpty == false }
            var locales: [String: LocaleTexts] = [:]
            for index in summaries.indices {
                let texts = LocaleTexts(item.texts[summaries[index].tag] ?? [:], expected: expected)
                summaries[index].count(texts)
                locales[summaries[index].tag.rawValue] = texts
            }
            return Entry(
                code: item.entry.code, variant: item.entry.variant, httpStatus: item.entry.httpStatus,
                category: item.entry.category.rawValue, retry: item.entry.retry.rawValue, fault: item.entry.fault.rawValue,
                serviceMessage: item.entry.serviceMessage,
                placeholders: item.entry.parameters.sorted { $0.key < $1.key }.map {
                    Placeholder(name: $0.key, defaultValue: $0.value, note: item.entry.parameterNotes[$0.key])
                },
                comments: Dictionary(uniqueKeysWithValues: item.entry.comments.map { ($0.key.rawValue, $0.value) }),
                locales: locales
            )
        }
        locales = summaries
    }
}

extension OverviewAnswer.LocaleTexts {
    /// The texts of a locale of an entry, `missing` when one of the `expected` fields has none.
    init(_ texts: [TextField: TextVersion], expected: [TextField]) {
        let versions = expected.map { texts[$0] }
        if versions.contains(where: { $0 == nil || $0?.text.isEmpty == true }) {
            state = OverviewAnswer.missingState
        } else if versions.contains(where: { $0?.state == .needsReview }) {
            state = TranslationState.needsReview.rawValue
        } else {
            state = TranslationState.translated.rawValue
        }
        pending = texts.values.contains { $0.pending }
        message = texts[.message].map(TextAnswer.init)
        remediation = texts[.remediation].map(TextAnswer.init)
        developerHint = texts[.developerHint].map(TextAnswer.init)
    }
}

extension OverviewAnswer.LocaleSummary {
    mutating func count(_ texts: OverviewAnswer.LocaleTexts) {
        switch texts.state {
        case OverviewAnswer.missingState: missing += 1
        case TranslationState.translated.rawValue: translated += 1
        default: needsReview += 1
        }
        if texts.pending { pending += 1 }
        total += 1
        complete = translated == total
    }
}

extension OverviewAnswer {
    /// The state of a locale of an entry with a text not written yet.
    static let missingState = "missing"
}
