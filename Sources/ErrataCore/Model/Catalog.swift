/// A complete catalog: its locales, its entries and every localized text.
///
/// `Catalog` is plain data, read from `Localizations/` or from the store. Lookups with locale
/// fallback go through ``CatalogSnapshot``, which is built from a catalog once.
public struct Catalog: Hashable, Sendable {
    /// The language every other locale is translated from.
    public var sourceLocale: LanguageTag
    public var locales: [LocaleInfo]
    /// Entries in their catalog order.
    public var entries: [CatalogEntry]
    public var texts: [TextKey: String]
    /// Texts whose source changed after they were translated (state `needs_review`).
    public var needsReview: Set<TextKey>
    /// The retry policy of each retryable class, where the catalog sets one (see ``retryPolicy(for:)``).
    public var retryPolicies: RetryPolicies

    public init(
        sourceLocale: LanguageTag = .english,
        locales: [LocaleInfo],
        entries: [CatalogEntry],
        texts: [TextKey: String],
        needsReview: Set<TextKey> = [],
        retryPolicies: RetryPolicies = RetryPolicies()
    ) {
        self.sourceLocale = sourceLocale
        self.locales = locales
        self.entries = entries
        self.texts = texts
        self.needsReview = needsReview
        self.retryPolicies = retryPolicies
    }

    /// The text for a key, if the catalog has one.
    public subscript(key: TextKey) -> String? {
        texts[key]
    }

    /// Every text key the catalog should have: each entry, in each locale, for each required field and
    /// each optional field its source text exists for.
    public var expectedTextKeys: [TextKey] {
        entries.flatMap { entry in
            let fields = TextField.allCases.filter {
                $0.isRequired || texts[TextKey(entry: entry.key, locale: sourceLocale, field: $0)] != nil
            }
            return locales.flatMap { locale in
                fields.map { TextKey(entry: entry.key, locale: locale.tag, field: $0) }
            }
        }
    }

    /// The retry policy of an entry: its own, else the catalog's for its class, else the standard
    /// one for its class; `nil` for an entry that is never retried.
    public func retryPolicy(for entry: CatalogEntry) -> RetryPolicy? {
        retryPolicies.policy(for: entry)
    }
}
