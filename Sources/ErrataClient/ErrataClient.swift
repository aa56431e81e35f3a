public import ErrataCore
import Foundation


/// Explains storage error codes from a local copy of the Errata catalog, and keeps that copy up to date.
///
/// The first lookup works offline: the client starts from its disk cache, or from the catalog
/// bundled with this build. Lookups are synchronous in-memory reads of an immutable
/// `CatalogSnapshot` (ErrataCore); ``sync()`` builds the next snapshot off to the side and swaps it in, so
/// a lookup sees the old catalog or the new one, never a mix. Share one client across tasks.
///
/// For example:
///
/// ```swift
/// let client = ErrataClient(configuration: ClientConfiguration(serverURL: URL(string: "http://127.0.0.1:8080")))
/// let explanation = try client.describe(code: ErrorCode("NoSuchKey"), locale: "zh-Hans")
/// print(explanation.message, explanation.remediation)
/// _ = try? await client.sync()  // later lookups see the newest published texts
/// ```
public final class ErrataClient: Sendable {
    /// The configuration the client was created with.
    public let configuration: ClientConfiguration

    private let cache: CatalogCache
    private let locales: LocaleFilter
    private let transport: SyncTransport?
    private let current: Locked<LoadedCatalog>
    /// The sync running now, which concurrent callers of ``sync()`` join instead of starting another.
    private let syncInFlight: Locked<Task<Result<SyncOutcome, SyncError>, Never>?>

    /// Creates a client from its cache, or from the bundled catalog when the cache is missing or unusable.
    ///
    /// An unusable cache file is removed and reported to ``ClientConfiguration/warningHandler``; it never fails.
    /// - Parameter configuration: The server, cache directory and locales to use.
    public init(configuration: ClientConfiguration = ClientConfiguration()) {
        self.configuration = configuration
        self.cache = CatalogCache(directory: configuration.resolvedCacheDirectory)
        self.locales = LocaleFilter(kept: configuration.locales)
        self.transport = configuration.serverURL.map {
            SyncTransport(serverURL: $0, accessToken: configuration.accessToken, timeout: configuration.timeout)
        }
        let loaded = LoadedCatalog.load(from: cache, locales: locales) { configuration.warningHandler?($0) }
        self.current = Locked(loaded)
        self.syncInFlight = Locked(nil)
    }

    deinit {
        transport?.invalidate()
    }

    // MARK: - Lookups

    /// The catalog lookups read now; hold on to it to make several lookups from one revision.
    public var snapshot: CatalogSnapshot {
        current.withLock { $0.snapshot }
    }

    /// The published revision lookups see now; 0 for the bundled catalog.
    public var revision: Int {
        snapshot.revision
    }

    /// Explains an error code in a locale.
    ///
    /// Each text falls back along the locale's truncations of the same script (`zh-Hant-TW`, `zh-Hant`),
    /// then to `en`, then to the code and the service's own message, so no text is ever empty. This is
    /// an in-memory read: no I/O.
    /// - Parameters:
    ///   - code: The error code or one of its aliases, matched exactly.
    ///   - variant: The variant of a code with several meanings; `nil` for the code's first.
    ///   - locale: A BCP 47 tag such as `zh-Hans` or `zh-TW`; `nil` for the source locale (`en`).
    ///   - params: Values for the texts' `{placeholders}`, overriding the catalog's defaults.
    /// - Returns: The message, remediation and classification, with the locale served and whether it fell
    ///   back; for an alias, the entry's own description with `requestedCode` naming the alias.
    /// - Throws: `CatalogLookupError` (ErrataCore) for an unknown code (with suggestions), variant or parameter.
    public func describe(
        code: ErrorCode,
        variant: VariantName? = nil,
        locale: String? = nil,
        params: [String: String] = [:]
    ) throws(CatalogLookupError) -> ErrorDescription {
        let (snapshot, negotiation) = negotiated(locale)
        let entry = try snapshot.entry(code: code, variant: variant)
        return try snapshot.describe(entry, negotiation: negotiation, parameters: params, requestedCode: code)
    }

    /// Explains every entry matching a filter, in catalog order.
    ///
    /// - Parameters:
    ///   - locale: A BCP 47 tag; `nil` for the source locale.
    ///   - category: Only entries of this category, when given.
    ///   - httpStatus: Only entries answered with this HTTP status, when given.
    /// - Returns: One explanation per matching entry, all from the same revision.
    public func list(locale: String? = nil, category: ErrorCategory? = nil, httpStatus: Int? = nil) -> [ErrorDescription] {
        let (snapshot, negotiation) = negotiated(locale)
        return snapshot.describeAll(negotiation: negotiation, category: category, httpStatus: httpStatus)
    }

    /// The snapshot lookups read now and the locale to serve from it, chosen with the catalog's own
    /// negotiator (shared with the server) once per locale string and snapshot.
    func negotiated(_ locale: String?) -> (CatalogSnapshot, LocaleNegotiation) {
        // `nil` and "" both ask for nothing, and negotiate alike.
        let key = locale ?? ""
        let (snapshot, remembered) = current.withLock { ($0.snapshot, $0.negotiations[key]) }
        if let remembered { return (snapshot, remembered) }
        let negotiation = snapshot.negotiator.negotiate(explicit: locale, acceptLanguage: nil)
        current.withLock { loaded in
            // A sync may have swapped the snapshot meanwhile; its memo must not get this one's answer.
            if loaded.snapshot === snapshot { loaded.negotiations.remember(negotiation, for: key) }
        }
        return (snapshot, negotiation)
    }

    // MARK: - Sync

    /// Brings the catalog up to date with the server, applying the update at once to later lookups.
    ///
    /// Asks the delta feed for the changes since the current revision; a 304 only renews freshness.
    /// When no delta can apply (history gone, the server went back, a new entry, a server older than
    /// review states in the feed), the whole catalog is downloaded. Calls within
    /// ``ClientConfiguration/minimumSyncInterval`` of the last check return ``SyncOutcome/skipped(revision:)``;
    /// concurrent calls share one sync.
    /// - Returns: What changed.
    /// - Throws: ``SyncError``; the catalog in use, the cache file and the revision are then unchanged.
    public func sync() async throws(SyncError) -> SyncOutcome {
        let task = syncInFlight.withLock { inFlight in
            if let inFlight { return inFlight }
            let task = Task { await self.performSync() }
            inFlight = task
            return task
        }
        return try await task.value.get()
    }

    private func performSync() async -> Result<SyncOutcome, SyncError> {
        defer { syncInFlight.withLock { $0 = nil } }
        guard let transport else { return .failure(.noServer) }
        let loaded = current.withLock { $0 }
        let now = Date()
        // A clock set back (elapsed < 0) must not stop syncs until it catches up.
        if let checked = loaded.lastCheckedAt, loaded.origin.serverURL == transport.serverURL,
            case let elapsed = now.timeIntervalSince(checked), elapsed >= 0, elapsed < configuration.minimumSyncInterval
        {
            return .success(.skipped(revision: loaded.snapshot.revision))
        }
        do throws(SyncError) {
            let sync = CatalogSync(transport: transport, locales: locales)
            let origin = CatalogOrigin(serverURL: transport.serverURL, locales: locales)
            switch try await sync.run(from: loaded.snapshot, origin: loaded.origin) {
            case .unchanged:
                do {
                    try cache.markChecked(at: now)
                } catch {
                    // The catalog is current either way; only the next process may ask the server again early.
                    configuration.warningHandler?("\(error)")
                }
                current.withLock { $0.lastCheckedAt = now }
                return .success(.unchanged(revision: loaded.snapshot.revision))
            case .delta(let changes):
                // Built before the swap, so lookups keep reading the old snapshot meanwhile.
                let snapshot = loaded.snapshot.applying(changes)
                let cached = {
                    CachedCatalog(document: CatalogDocument(catalog: snapshot.catalog, revision: snapshot.revision), origin: origin, savedAt: now)
                }
                // The log only extends a base of the same origin: its records hold only the kept locales.
                if loaded.origin == origin {
                    try cache.append(changes, savedAt: now, compacted: cached)
                } else {
                    try cache.save(cached())
                }
                current.withLock { $0 = LoadedCatalog(snapshot: snapshot, origin: origin, lastCheckedAt: now) }
                return .success(.updated(from: loaded.snapshot.revision, to: snapshot.revision, method: .delta))
            case .fullFetch(let catalog, let revision):
                let snapshot = CatalogSnapshot(catalog: catalog, revision: revision)
                let document = CatalogDocument(catalog: catalog, revision: revision)
                try cache.save(CachedCatalog(document: document, origin: origin, savedAt: now))
                current.withLock { $0 = LoadedCatalog(snapshot: snapshot, origin: origin, lastCheckedAt: now) }
                return .success(.updated(from: loaded.snapshot.revision, to: revision, method: .fullFetch))
            }
        } catch {
            return .failure(error)
        }
    }
}
