import ErrataCore
import Foundation

/// The catalog cached on disk: `catalog.json` (the base document and where it came from), `changes.log`
/// (the deltas synced since, see ``ChangeLog``) and `last-checked.json`.
///
/// Freshness lives in its own tiny file so that a 304 from the server renews it without
/// rewriting the catalog; a delta is appended to the log rather than rewriting the base, which is
/// rewritten (compacted) only when the log has grown past a fraction of it. The base and the
/// freshness file are written atomically (``AtomicFile``).
struct CatalogCache: Sendable {
    static let catalogFileName = "catalog.json"
    static let changeLogFileName = "changes.log"
    static let freshnessFileName = "last-checked.json"

    let directory: URL

    var catalogURL: URL { directory.appendingPathComponent(Self.catalogFileName) }
    var changeLog: ChangeLog { ChangeLog(url: directory.appendingPathComponent(Self.changeLogFileName)) }
    var freshnessURL: URL { directory.appendingPathComponent(Self.freshnessFileName) }

    /// What reading the cache found.
    enum Contents: Sendable {
        /// No cache file: a first launch, or the cache was cleared.
        case missing
        /// A usable cache: the base, the deltas to apply on top of it in order, and when the server last confirmed it.
        case loaded(CachedCatalog, changes: [CatalogChanges], lastCheckedAt: Date)
        /// A cache file that cannot be used, and why, such as "is empty".
        case unusable(reason: String)
    }

    /// Reads the cache; never throws, since a broken cache only means falling back to the bundled catalog.
    func load() -> Contents {
        let data: Data
        do {
            data = try Data(contentsOf: catalogURL)
        } catch {
            guard FileManager.default.fileExists(atPath: catalogURL.path) else { return .missing }
            return .unusable(reason: "cannot be read (\(oneLineReason(error)))")
        }
        guard !data.isEmpty else { return .unusable(reason: "is empty") }
        let cached: CachedCatalog
        do throws(CacheFileReader.Failure) {
            cached = try CacheFileReader.read(data)
        } catch {
            switch error {
            case .notJSON:
                return .unusable(reason: "is not valid JSON (corrupt or truncated)")
            case .foreign:
                return .unusable(reason: "is not an Errata cache file")
            case .version(let version):
                let age = version < CachedCatalog.currentFormatVersion ? "an older" : "a newer"
                return .unusable(reason: "has \(age) format (version \(version); this build reads \(CachedCatalog.currentFormatVersion))")
            case .malformed(let reason):
                return .unusable(reason: "is not an Errata cache file (\(reason))")
            }
        }
        guard cached.document.formatVersion == CatalogDocument.currentFormatVersion else {
            return .unusable(reason: "holds a catalog document of format version \(cached.document.formatVersion)")
        }
        guard !cached.document.entries.isEmpty else { return .unusable(reason: "holds an empty catalog") }
        let records = changeLog.records(continuing: cached.document.revision)
        let lastSaved = records.last?.savedAt ?? cached.savedAt
        return .loaded(cached, changes: records.map(\.changes), lastCheckedAt: max(lastSaved, lastChecked() ?? .distantPast))
    }

    /// When the server last answered 304, if the freshness file is readable.
    private func lastChecked() -> Date? {
        guard let data = try? Data(contentsOf: freshnessURL) else { return nil }
        return CacheFileReader.lastCheckedAt(data)
    }

    /// Replaces the base file atomically and drops the change log; `savedAt` counts as a check.
    ///
    /// The log goes first: a crash or failure in between leaves the previous base alone, an older
    /// revision rather than a mix of two.
    /// - Throws: ``SyncError/cacheUnwritable(path:reason:)``; the previous base file is then intact.
    func save(_ cached: CachedCatalog) throws(SyncError) {
        let log = changeLog
        do {
            try log.remove()
        } catch {
            throw .cacheUnwritable(path: log.url.path, reason: "\(error)")
        }
        try write(cached, to: catalogURL)
    }

    /// Records a delta synced on top of the cached catalog; it counts as a check.
    ///
    /// When the log has grown past a quarter of the base file, the base is rewritten from `compacted`
    /// instead, so that loading never replays more than a fraction of the catalog.
    /// - Parameters:
    ///   - changes: The delta, already applied to `compacted`.
    ///   - savedAt: When it was synced.
    ///   - compacted: The whole cache after the delta, built only when compaction is due.
    /// - Throws: ``SyncError/cacheUnwritable(path:reason:)``; the cache then still loads as the previous revision.
    func append(_ changes: CatalogChanges, savedAt: Date, compacted: () -> CachedCatalog) throws(SyncError) {
        // No base yet (the catalog in use is the bundled one): the log would have nothing to apply to.
        let baseSize = (try? FileManager.default.attributesOfItem(atPath: catalogURL.path))?[.size] as? Int ?? 0
        guard baseSize > 0 else { return try save(compacted()) }
        let log = changeLog
        let logSize: Int
        do {
            logSize = try log.append(ChangeLog.Record(savedAt: savedAt, changes: changes))
        } catch {
            throw .cacheUnwritable(path: log.url.path, reason: "\(error)")
        }
        if logSize > max(Self.minimumCompactionSize, baseSize / 4) {
            try save(compacted())
        }
    }

    /// Below this many bytes of log, compacting costs more than replaying.
    private static let minimumCompactionSize = 64 * 1024

    /// Records that the server confirmed the cached catalog at `date`, without touching the catalog file.
    ///
    /// - Throws: ``SyncError/cacheUnwritable(path:reason:)``.
    func markChecked(at date: Date) throws(SyncError) {
        try write(Freshness(lastCheckedAt: date), to: freshnessURL)
    }

    /// Removes an unusable cache so that its warning is given once, not on every launch.
    ///
    /// Only regular files are removed: a directory in the way is the user's, not ours.
    func discard() {
        for url in [catalogURL, changeLog.url, freshnessURL] {
            let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            if type == .typeRegular { try? FileManager.default.removeItem(at: url) }
        }
    }

    private func write(_ value: some Encodable, to url: URL) throws(SyncError) {
        do {
            try AtomicFile.write(try Self.encoder.encode(value), to: url)
        } catch {
            throw .cacheUnwritable(path: url.path, reason: "\(error)")
        }
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    private struct Freshness: Encodable {
        var lastCheckedAt: Date
    }
}

/// The contents of the cache file: a catalog document plus where and when it was fetched.
struct CachedCatalog: Encodable, Sendable {
    /// The only cache format this build reads; a file of another version is discarded and refetched.
    static let currentFormatVersion = 1

    var formatVersion: Int
    var savedAt: Date
    /// The server the document came from; a delta from another server would not apply.
    var serverURL: String?
    /// The locales the document was filtered to; `nil` when it holds every locale.
    var locales: [LanguageTag]?
    var document: CatalogDocument

    init(savedAt: Date, serverURL: String?, locales: [LanguageTag]?, document: CatalogDocument) {
        self.formatVersion = Self.currentFormatVersion
        self.savedAt = savedAt
        self.serverURL = serverURL
        self.locales = locales
        self.document = document
    }

    init(document: CatalogDocument, origin: CatalogOrigin, savedAt: Date) {
        self.formatVersion = Self.currentFormatVersion
        self.savedAt = savedAt
        self.serverURL = origin.serverURL?.absoluteString
        self.locales = origin.locales.kept?.sorted()
        self.document = document
    }

    /// Where the document came from, as a ``CatalogOrigin``.
    var origin: CatalogOrigin {
        CatalogOrigin(serverURL: serverURL.flatMap(URL.init(string:)), locales: LocaleFilter(kept: locales.map(Set.init)))
    }
}
