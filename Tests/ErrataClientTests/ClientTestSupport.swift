import ErrataClient
import ErrataCore
import Foundation
import Testing

/// Paths of files in this repository.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let localizations = root.appendingPathComponent("Localizations", isDirectory: true)
}

/// A fresh directory under the system's temporary directory, for one test's cache.
struct TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("errata-client-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The cache file a client in this directory writes.
    var catalogFile: URL { url.appendingPathComponent("catalog.json") }
    /// The freshness file a client in this directory writes on a 304.
    var freshnessFile: URL { url.appendingPathComponent("last-checked.json") }

    /// The names of the files in the directory.
    func fileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Collects the warnings a client reports.
final class WarningLog: Sendable {
    private let messages = Locked<[String]>([])

    var handler: @Sendable (String) -> Void {
        { message in self.messages.withLock { $0.append(message) } }
    }

    var all: [String] { messages.withLock { $0 } }
}

extension ErrataClient {
    /// The request timeout of every client a test makes. It only bounds a failure: with the whole suite
    /// running, a loaded 2-core machine can take well over the default 10 s to answer.
    static let testTimeout: TimeInterval = 60

    /// A client on `cache`, optionally syncing from `server` with `accessToken`, reporting warnings to `warnings`.
    static func make(
        cache: TemporaryDirectory, server: URL? = nil, accessToken: String? = nil, minimumSyncInterval: TimeInterval = 0,
        locales: Set<LanguageTag>? = nil, warnings: WarningLog? = nil
    ) -> ErrataClient {
        ErrataClient(configuration: ClientConfiguration(
            serverURL: server, accessToken: accessToken, cacheDirectory: cache.url, timeout: testTimeout,
            minimumSyncInterval: minimumSyncInterval,
            locales: locales, warningHandler: warnings?.handler
        ))
    }
}

/// Catalog documents for scripted servers: the bundled catalog at another revision, with edits.
enum Documents {
    /// The catalog of `Localizations/`, as bundled: without its notes for translators.
    static let localizations: Catalog = {
        do {
            var catalog = try LocalizationsDirectory(url: Repository.localizations).load()
            catalog.entries = catalog.entries.map(\.withoutNotes)
            return catalog
        } catch {
            preconditionFailure("cannot load Localizations/: \(error)")
        }
    }()

    static let noSuchKey = EntryKey(code: ErrorCode("NoSuchKey"))

    /// The key of a NoSuchKey text.
    static func key(_ field: TextField, _ locale: String = "en") -> TextKey {
        TextKey(entry: noSuchKey, locale: LanguageTag(rawValue: locale)!, field: field)
    }

    /// The `Localizations/` catalog with NoSuchKey's English message and remediation replaced, at `revision`.
    static func edited(revision: Int, message: String, remediation: String) -> CatalogDocument {
        var catalog = localizations
        catalog.texts[key(.message)] = message
        catalog.texts[key(.remediation)] = remediation
        return CatalogDocument(catalog: catalog, revision: revision)
    }
}

/// Encodes a value as JSON, as the server does.
func json(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(value)
}

/// A one-way gate: tasks wait until another opens it.
final class Gate: Sendable {
    private let state = Locked<(isOpen: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

    /// Opens the gate, releasing every waiting task.
    func open() {
        let waiting = state.withLock { state in
            state.isOpen = true
            defer { state.waiting = [] }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    /// Returns once the gate is open.
    func wait() async {
        await withCheckedContinuation { continuation in
            let isOpen = state.withLock { state in
                if !state.isOpen { state.waiting.append(continuation) }
                return state.isOpen
            }
            if isOpen { continuation.resume() }
        }
    }
}
