import ErrataClient
import ErrataCore
import Foundation
import Testing

/// Broken cache files are discarded with a warning, and the client falls back to the bundled catalog.
@Suite struct CacheFileTests {
    /// A cache file as the client writes it, built by hand to pin the format down.
    static func cacheFile(formatVersion: Int = 1, document: CatalogDocument, server: URL? = nil) throws -> Data {
        struct File: Encodable {
            var formatVersion: Int
            var savedAt = "2025-06-01T12:00:00Z"
            var serverURL: String
            var document: CatalogDocument
        }
        let serverURL = server?.absoluteString ?? "http://127.0.0.1:9"
        return try json(File(formatVersion: formatVersion, serverURL: serverURL, document: document))
    }

    static let edited = Documents.edited(revision: 5, message: "Cached message.", remediation: "Cached remediation.")

    @Test func aValidCacheIsUsed() throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        try Self.cacheFile(document: Self.edited).write(to: cache.catalogFile)
        let warnings = WarningLog()
        let client = ErrataClient.make(cache: cache, warnings: warnings)
        #expect(client.revision == 5)
        #expect(try client.describe(code: ErrorCode("NoSuchKey")).message == "Cached message.")
        #expect(warnings.all.isEmpty)
    }

    /// The kinds of broken cache file, each with a phrase its warning must contain.
    enum Broken: String, CaseIterable {
        case empty, truncated, binaryGarbage, foreignObject, foreignArray, bareDocument
        case olderFormat, newerFormat, olderDocumentFormat, emptyCatalog

        func contents() throws -> Data {
            let valid = try CacheFileTests.cacheFile(document: CacheFileTests.edited)
            var document = CacheFileTests.edited
            switch self {
            case .empty: return Data()
            case .truncated: return valid.prefix(valid.count / 2)
            case .binaryGarbage: return Data([0x00, 0xFF, 0x13, 0x37, 0x7B, 0x00])
            case .foreignObject: return Data(#"{"name":"another tool's cache","version":3}"#.utf8)
            case .foreignArray: return Data("[1, 2, 3]".utf8)
            case .bareDocument: return try json(document)
            case .olderFormat: return try CacheFileTests.cacheFile(formatVersion: 0, document: document)
            case .newerFormat: return try CacheFileTests.cacheFile(formatVersion: 2, document: document)
            case .olderDocumentFormat:
                document.formatVersion = 0
                return try CacheFileTests.cacheFile(document: document)
            case .emptyCatalog:
                document.entries = []
                return try CacheFileTests.cacheFile(document: document)
            }
        }

        var phrase: String {
            switch self {
            case .empty: "is empty"
            case .truncated, .binaryGarbage: "not valid JSON"
            case .foreignObject, .foreignArray, .bareDocument: "not an Errata cache file"
            case .olderFormat: "older format"
            case .newerFormat: "newer format"
            case .olderDocumentFormat: "catalog document of format version 0"
            case .emptyCatalog: "empty catalog"
            }
        }
    }

    @Test(arguments: Broken.allCases)
    func brokenCacheFallsBackToTheBundledCatalog(broken: Broken) throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        try broken.contents().write(to: cache.catalogFile)
        try Data(#"{"lastCheckedAt":"2025-06-01T12:00:00Z"}"#.utf8).write(to: cache.freshnessFile)
        let warnings = WarningLog()
        let client = ErrataClient.make(cache: cache, warnings: warnings)

        #expect(client.revision == 0)
        let description = try client.describe(code: ErrorCode("NoSuchKey"), locale: "zh-Hans")
        #expect(description.message == Documents.localizations[Documents.key(.message, "zh-Hans")])
        #expect(warnings.all.count == 1)
        let warning = try #require(warnings.all.first)
        #expect(warning.contains(cache.catalogFile.path), "\(warning)")
        #expect(warning.contains(broken.phrase), "\(warning)")
        #expect(try cache.fileNames().isEmpty, "the broken cache is removed so the warning is given once")
    }

    @Test func aDirectoryInPlaceOfTheCacheIsReportedButLeftAlone() throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        try FileManager.default.createDirectory(at: cache.catalogFile, withIntermediateDirectories: true)
        let warnings = WarningLog()
        let client = ErrataClient.make(cache: cache, warnings: warnings)
        #expect(client.revision == 0)
        #expect(warnings.all.count == 1)
        #expect(try cache.fileNames() == ["catalog.json"])
    }

    @Test func theDefaultCacheDirectoryFollowsXDG() {
        #if !canImport(Darwin)
        let xdg = ClientConfiguration.defaultCacheDirectory(environment: ["XDG_CACHE_HOME": "/var/cache/me", "HOME": "/home/me"])
        #expect(xdg.path == "/var/cache/me/errata")
        let home = ClientConfiguration.defaultCacheDirectory(environment: ["HOME": "/home/me"])
        #expect(home.path == "/home/me/.cache/errata")
        let relative = ClientConfiguration.defaultCacheDirectory(environment: ["XDG_CACHE_HOME": "cache", "HOME": "/home/me"])
        #expect(relative.path == "/home/me/.cache/errata", "a relative XDG_CACHE_HOME is ignored")
        #endif
    }
}
