import ErrataCore

/// Brings a catalog up to date from a server: the delta feed when it applies, a full fetch otherwise.
///
/// It only computes the next catalog; writing the cache and swapping the snapshot are the
/// client's, so a failure here leaves both untouched.
struct CatalogSync: Sendable {
    /// The next catalog, before anything is written or swapped.
    enum Result: Sendable {
        case unchanged
        /// The delta applies to the current snapshot; only the changes and locales kept are left in it.
        case delta(CatalogChanges)
        /// A whole catalog replaces the current one.
        case fullFetch(Catalog, revision: Int)
    }

    let transport: SyncTransport
    /// The locales to keep from what the server sends.
    let locales: LocaleFilter

    /// Computes the catalog that should replace `current`.
    ///
    /// - Parameters:
    ///   - current: The snapshot in use.
    ///   - origin: Where `current` came from; a delta only applies to a catalog of the same server and locales.
    /// - Throws: ``SyncError`` when the server cannot be reached or answers badly.
    func run(from current: CatalogSnapshot, origin: CatalogOrigin) async throws(SyncError) -> Result {
        if canUseDelta(from: origin) {
            switch try await transport.changes(since: current.revision) {
            case .notModified:
                return .unchanged
            case .changes(let changes) where changes.toRevision == current.revision && changes.changes.isEmpty:
                return .unchanged
            case .changes(let changes):
                if let kept = applicable(changes, to: current) {
                    return .delta(kept)
                }
            case .fullFetchRequired:
                break
            }
        }
        let document = try await transport.snapshot()
        return .fullFetch(locales.apply(to: document.catalog), revision: document.revision)
    }

    /// Whether a delta can apply to a catalog from `origin`.
    ///
    /// The bundled catalog (no server) is revision 0, the start of every server's history, or the
    /// revision its files were exported at by `errata-server export` from the server it syncs with. A cache
    /// written with fewer locales than now kept lacks texts that no delta would bring back.
    private func canUseDelta(from origin: CatalogOrigin) -> Bool {
        (origin.serverURL == nil || origin.serverURL == transport.serverURL) && origin.locales.covers(locales)
    }

    /// The delta restricted to kept locales, or `nil` when only a full fetch can bring the catalog up to date.
    ///
    /// That is when the delta starts elsewhere, goes backwards (the server went back), removes texts,
    /// comes from a server that sends no review states and locales, no longer lists a locale the catalog
    /// has, or changes a kept text of an entry the catalog lacks (the server gained one). A locale the
    /// server added applies like any change: its texts are all in the delta.
    func applicable(_ changes: CatalogChanges, to current: CatalogSnapshot) -> CatalogChanges? {
        guard changes.fromRevision == current.revision, changes.toRevision > current.revision,
            changes.removed.isEmpty, let serverLocales = changes.locales
        else { return nil }
        let kept = locales.apply(to: changes, sourceLocale: current.negotiator.defaultLocale)
        let serverTags = Set(serverLocales.map(\.tag))
        guard current.locales.allSatisfy({ serverTags.contains($0.tag) }) else { return nil }
        // Asked of the snapshot, not its `catalog`, which it may have to assemble: a delta costs what it changes.
        for change in kept.changes {
            guard current.contains(change.textKey.entry), serverTags.contains(change.locale) else { return nil }
        }
        return kept
    }
}
