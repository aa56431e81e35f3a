/// One catalog locale's ``ResolvedTexts``, by entry index, resolved the first time a lookup reads them.
///
/// A CLI run describes one error in one locale: resolving every locale of the catalog up front
/// (parsing each text as a message pattern and rendering its defaults) was a sixth of its start-up.
/// A server resolves every row before it serves a revision (``CatalogSnapshot/resolveEveryLocale()``),
/// so that no request waits for one; a row read or resolved is carried into the next revision, only
/// the entries a change touches resolved again.
final class ResolvedRow: Sendable {
    let locale: LanguageTag
    /// The locale's fallback chain, starting with the locale itself.
    let chain: [LanguageTag]
    /// `nil` until read. Chunked, so that the next revision's copy shares what a change does not touch.
    private let resolved: Locked<ChunkedArray<ResolvedTexts>?>

    init(locale: LanguageTag, chain: [LanguageTag], resolved: ChunkedArray<ResolvedTexts>? = nil) {
        self.locale = locale
        self.chain = chain
        self.resolved = Locked(resolved)
    }

    /// The texts of the entry at `index` of `entries`; the whole row is resolved from `catalog` the first time.
    func texts(at index: Int, entries: [CatalogEntry], in catalog: LayeredCatalog) -> ResolvedTexts {
        resolved.withLock { resolved in row(&resolved, entries: entries, in: catalog)[index] }
    }

    /// Resolves the row now, unless it is already.
    func resolve(entries: [CatalogEntry], in catalog: LayeredCatalog) {
        resolved.withLock { resolved in _ = row(&resolved, entries: entries, in: catalog) }
    }

    private func row(_ resolved: inout ChunkedArray<ResolvedTexts>?, entries: [CatalogEntry], in catalog: LayeredCatalog) -> ChunkedArray<ResolvedTexts> {
        if let resolved { return resolved }
        let row = ChunkedArray(entries.map { ResolvedTexts($0, locale: locale, chain: chain, in: catalog) })
        resolved = row
        return row
    }

    /// This row in a later revision whose `catalog` changed the entries at `touched`: those resolved
    /// again, the rest shared; a row never read stays unread.
    func applying(touched: Set<Int>, entries: [CatalogEntry], in catalog: LayeredCatalog) -> ResolvedRow {
        guard var row = resolved.withLock({ $0 }) else { return ResolvedRow(locale: locale, chain: chain) }
        for index in touched {
            row[index] = ResolvedTexts(entries[index], locale: locale, chain: chain, in: catalog)
        }
        return ResolvedRow(locale: locale, chain: chain, resolved: row)
    }
}
