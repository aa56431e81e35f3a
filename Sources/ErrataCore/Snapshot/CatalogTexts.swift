/// A catalog as a shared base plus the texts changed since, so that applying a change never copies
/// the whole text table.
///
/// `Catalog.texts` is one dictionary (200,000 texts at 10,000 codes × 10 locales); changing one
/// text of a shared copy copies all of it, and freeing the old copy frees all of it — tens of
/// milliseconds per publish. Here a change goes into `overrides`, which is folded into a new base
/// only once it holds a sizeable share of the texts, so that cost is paid rarely.
struct CatalogTexts: Sendable {
    /// The catalog the overrides apply to; entries and locales never change here.
    private(set) var base: Catalog
    /// Texts changed since `base`, which win over it.
    private(set) var overrides: [TextKey: String] = [:]

    init(_ catalog: Catalog) {
        base = catalog
    }

    /// The text for a key, if there is one.
    subscript(key: TextKey) -> String? {
        overrides[key] ?? base.texts[key]
    }

    /// Texts awaiting review.
    var needsReview: Set<TextKey> {
        get { base.needsReview }
        set { base.needsReview = newValue }
    }

    /// Changes one text.
    mutating func set(_ text: String, for key: TextKey) {
        overrides[key] = text
        if overrides.count > max(1_024, base.texts.count / 8) {
            base = catalog
            overrides = [:]
        }
    }

    /// The whole catalog, with the overrides applied (a copy of the text table when there are any).
    var catalog: Catalog {
        guard !overrides.isEmpty else { return base }
        var catalog = base
        catalog.texts.merge(overrides) { _, changed in changed }
        return catalog
    }
}
