/// A whole published catalog in one JSON document: what clients download, cache and bundle.
///
/// It carries the revision it was published as, every entry's data, and every text keyed by its
/// string-catalog key and locale, so that a client can build a ``CatalogSnapshot`` offline.
/// Notes for translators (text comments, placeholder notes) are left out: clients do not show them,
/// and each `parameters` value stays a plain default string, as clients of format version 1 read it.
///
/// For example:
///
/// ```json
/// {"formatVersion": 1, "revision": 3, "sourceLanguage": "en",
///  "locales": [{"tag": "en", "name": "English"}],
///  "entries": [{"code": "NoSuchKey", "variant": null, "httpStatus": 404, ...}],
///  "texts": {"NoSuchKey.message": {"en": "The object you asked for does not exist in this bucket."}},
///  "needsReview": []}
/// ```
public struct CatalogDocument: Codable, Hashable, Sendable {
    /// The only format version this build reads and writes; clients discard other versions.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var revision: Int
    public var sourceLanguage: LanguageTag
    public var locales: [LocaleInfo]
    public var entries: [CatalogManifest.Entry]
    /// Texts by string key (`NoSuchKey.message`), then by locale tag.
    public var texts: [String: [String: String]]
    /// String keys with locale (`NoSuchKey.message@zh-Hans`) whose translation needs review.
    public var needsReview: [String]
    /// The catalog's retry policy per retry class; `nil` when it sets none, or from a server older than this member.
    public var retryPolicies: RetryPolicies?

    /// The document of a catalog at a revision.
    public init(catalog: Catalog, revision: Int) {
        self.formatVersion = Self.currentFormatVersion
        self.revision = revision
        self.sourceLanguage = catalog.sourceLocale
        self.locales = catalog.locales
        self.entries = catalog.entries.map { CatalogManifest.Entry($0.withoutNotes) }
        var texts: [String: [String: String]] = [:]
        for (key, value) in catalog.texts {
            texts[key.stringKey, default: [:]][key.locale.rawValue] = value
        }
        self.texts = texts
        self.needsReview = catalog.needsReview.map(\.description).sorted()
        self.retryPolicies = catalog.retryPolicies.isEmpty ? nil : catalog.retryPolicies
    }

    /// The catalog the document describes; texts whose key or locale is malformed are left out.
    public var catalog: Catalog {
        var texts: [TextKey: String] = [:]
        texts.reserveCapacity(self.texts.values.reduce(0) { $0 + $1.count })
        var needsReview: Set<TextKey> = []
        let flagged = Set(self.needsReview)
        // Canonicalizing a tag is slow next to a dictionary lookup, and a catalog has only a few locales.
        var tags: [String: LanguageTag?] = [:]
        for entry in entries {
            let key = EntryKey(code: entry.code, variant: entry.variant)
            for field in TextField.allCases {
                let stringKey = key.stringKey(field)
                for (localeName, value) in self.texts[stringKey] ?? [:] {
                    let tag = tags[localeName] ?? LanguageTag(rawValue: localeName)
                    tags[localeName] = tag
                    guard let locale = tag else { continue }
                    let textKey = TextKey(entry: key, locale: locale, field: field)
                    texts[textKey] = value
                    if !flagged.isEmpty, flagged.contains(textKey.description) { needsReview.insert(textKey) }
                }
            }
        }
        return Catalog(
            sourceLocale: sourceLanguage, locales: locales, entries: entries.map(\.catalogEntry),
            texts: texts, needsReview: needsReview, retryPolicies: retryPolicies ?? RetryPolicies()
        )
    }
}
