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

    public init(
        sourceLocale: LanguageTag = .english,
        locales: [LocaleInfo],
        entries: [CatalogEntry],
        texts: [TextKey: String],
        needsReview: Set<TextKey> = []
    ) {
        self.sourceLocale = sourceLocale
        self.locales = locales
        self.entries = entries
        self.texts = texts
        self.needsReview = needsReview
    }

    /// The text for a key, if the catalog has one.
    public subscript(key: TextKey) -> String? {
        texts[key]
    }

    /// Every text key the catalog should have: each entry, in each locale, for each field.
    public var expectedTextKeys: [TextKey] {
        entries.flatMap { entry in
            locales.flatMap { locale in
                TextField.allCases.map { TextKey(entry: entry.key, locale: locale.tag, field: $0) }
            }
        }
    }
}
