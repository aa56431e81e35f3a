import ErrataCore

/// The locales a client keeps, applied to every catalog it loads or downloads.
struct LocaleFilter: Hashable, Sendable {
    /// The configured locales; `nil` keeps every locale.
    let kept: Set<LanguageTag>?

    /// Whether texts in `locale` are kept, given the catalog's source locale (always kept).
    func keeps(_ locale: LanguageTag, sourceLocale: LanguageTag) -> Bool {
        guard let kept else { return true }
        return locale == sourceLocale || kept.contains(locale)
    }

    /// Whether a catalog filtered by `self` holds every locale a catalog filtered by `other` would.
    ///
    /// A cache written with fewer locales than now wanted lacks texts no delta will bring back.
    func covers(_ other: LocaleFilter) -> Bool {
        guard let kept else { return true }
        guard let wanted = other.kept else { return false }
        return wanted.isSubset(of: kept)
    }

    /// The catalog without the locales and texts this filter drops.
    func apply(to catalog: Catalog) -> Catalog {
        guard kept != nil else { return catalog }
        var result = catalog
        result.locales = catalog.locales.filter { keeps($0.tag, sourceLocale: catalog.sourceLocale) }
        result.texts = catalog.texts.filter { keeps($0.key.locale, sourceLocale: catalog.sourceLocale) }
        result.needsReview = catalog.needsReview.filter { keeps($0.locale, sourceLocale: catalog.sourceLocale) }
        return result
    }

    /// The delta without the locales and texts this filter drops, for a catalog whose source locale is `sourceLocale`.
    func apply(to changes: CatalogChanges, sourceLocale: LanguageTag) -> CatalogChanges {
        guard kept != nil else { return changes }
        var result = changes
        result.locales = changes.locales?.filter { keeps($0.tag, sourceLocale: sourceLocale) }
        result.changes = changes.changes.filter { keeps($0.locale, sourceLocale: sourceLocale) }
        return result
    }
}
