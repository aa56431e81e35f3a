/// A catalog as a shared base plus the texts changed since, so that changing a text does not copy every text.
///
/// A `Catalog`'s texts are one dictionary; a snapshot that changed one text of a copy shared with the
/// previous snapshot would copy all of them (200,000 at 10,000 codes × 10 locales). Changes go to a
/// small overlay instead, folded into the base once it has grown past a fraction of it.
struct LayeredCatalog: Sendable {
    /// The catalog the overlay applies to; its review flags are current.
    private(set) var base: Catalog
    /// Texts changed since `base`, by key.
    private var overlay: [TextKey: String] = [:]

    init(_ catalog: Catalog) {
        base = catalog
    }

    /// The current text for a key, if the catalog has one.
    subscript(key: TextKey) -> String? {
        overlay[key] ?? base.texts[key]
    }

    /// Texts whose source changed after they were translated.
    var needsReview: Set<TextKey> { base.needsReview }

    /// The catalog's retry policies, which no change touches.
    var retryPolicies: RetryPolicies { base.retryPolicies }

    /// The whole catalog, with the overlay applied: costs a copy of every text when there is one.
    var catalog: Catalog {
        guard !overlay.isEmpty else { return base }
        var catalog = base
        catalog.texts.merge(overlay) { _, changed in changed }
        return catalog
    }

    /// The whole catalog as a `CatalogDocument`: the base's, with the overlay's texts in place,
    /// never copying every text into a `Catalog` on the way.
    func document(revision: Int) -> CatalogDocument {
        var document = CatalogDocument(catalog: base, revision: revision)
        for (key, text) in overlay {
            document.texts[key.stringKey, default: [:]][key.locale.rawValue] = text
        }
        return document
    }

    // MARK: - Changing

    /// Replaces a text.
    mutating func setText(_ text: String, for key: TextKey) {
        overlay[key] = text
    }

    /// Flags a text as awaiting review, or clears the flag; an unchanged flag leaves the shared set uncopied.
    mutating func setNeedsReview(_ needsReview: Bool, for key: TextKey) {
        guard base.needsReview.contains(key) != needsReview else { return }
        if needsReview {
            base.needsReview.insert(key)
        } else {
            base.needsReview.remove(key)
        }
    }

    /// Folds the overlay into the base once it holds more than an eighth as many texts, so that lookups
    /// and memory stay close to a plain catalog's while each fold is paid for by many cheap changes.
    mutating func foldIfLarge() {
        guard overlay.count > max(256, base.texts.count / 8) else { return }
        base = catalog
        overlay = [:]
    }
}
