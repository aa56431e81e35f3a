import ErrataCore
import Foundation

/// The catalog cached on disk: `catalog.json` (the document and where it came from) and `last-checked.json`.
///
/// Freshness lives in its own tiny file so that a 304 from the server renews it without
/// rewriting the catalog. Both files are written atomically (``AtomicFile``).
struct CatalogCache: Sendable {
    static let catalogFileName = "catalog.json"
    static let freshnessFileName = "last-checked.json"

    let directory: URL

    var catalogURL: URL { directory.appendingPathComponent(Self.catalogFileName) }
    var freshnessURL: URL { directory.appendingPathComponent(Self.freshnessFileName) }

    /// What reading the cache found.
    enum Contents: Sendable {
        /// No cache file: a first launch, or the cache was cleared.
        case missing
        /// A usable cache; `lastCheckedAt` is when the server last confirmed it.
        case loaded(CachedCatalog, lastCheckedAt: Date)
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
        let decoder = Self.decoder
        // Probe the version first, so an older or newer file is reported as such rather than as garbage.
        let probe: FormatProbe
        do {
            probe = try decoder.decode(FormatProbe.self, from: data)
        } catch DecodingError.dataCorrupted {
            return .unusable(reason: "is not valid JSON (corrupt or truncated)")
        } catch {
            return .unusable(reason: "is not an Errata cache file")
        }
        guard let version = probe.formatVersion else { return .unusable(reason: "is not an Errata cache file") }
        guard version == CachedCatalog.currentFormatVersion else {
            let age = version < CachedCatalog.currentFormatVersion ? "an older" : "a newer"
            return .unusable(reason: "has \(age) format (version \(version); this build reads \(CachedCatalog.currentFormatVersion))")
        }
        let cached: CachedCatalog
        do {
            cached = try decoder.decode(CachedCatalog.self, from: data)
        } catch {
            return .unusable(reason: "is not an Errata cache file (\(oneLineReason(error)))")
        }
        guard cached.document.formatVersion == CatalogDocument.currentFormatVersion else {
            return .unusable(reason: "holds a catalog document of format version \(cached.document.formatVersion)")
        }
        guard !cached.document.entries.isEmpty else { return .unusable(reason: "holds an empty catalog") }
        return .loaded(cached, lastCheckedAt: max(cached.savedAt, lastChecked() ?? .distantPast))
    }

    /// When the server last answered 304, if the freshness file is readable.
    private func lastChecked() -> Date? {
        guard let data = try? Data(contentsOf: freshnessURL) else { return nil }
        return try? Self.decoder.decode(Freshness.self, from: data).lastCheckedAt
    }

    /// Writes the catalog file atomically; its `savedAt` counts as a check, so the freshness file is left alone.
    ///
    /// - Throws: ``SyncError/cacheUnwritable(path:reason:)``; the previous file is then intact.
    func save(_ cached: CachedCatalog) throws(SyncError) {
        try write(cached, to: catalogURL)
    }

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
        for url in [catalogURL, freshnessURL] {
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

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    private struct FormatProbe: Decodable {
        var formatVersion: Int?
    }

    private struct Freshness: Codable {
        var lastCheckedAt: Date
    }
}

/// The contents of the cache file: a catalog document plus where and when it was fetched.
struct CachedCatalog: Codable, Sendable {
    /// The only cache format this build reads; a file of another version is discarded and refetched.
    static let currentFormatVersion = 1

    var formatVersion: Int
    var savedAt: Date
    /// The server the document came from; a delta from another server would not apply.
    var serverURL: String?
    /// The locales the document was filtered to; `nil` when it holds every locale.
    var locales: [LanguageTag]?
    var document: CatalogDocument

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
