public import ErrataCore
public import Foundation

/// How an ``ErrataClient`` reaches its server, where it caches the catalog and which locales it keeps.
///
/// For example:
///
/// ```swift
/// let client = ErrataClient(configuration: ClientConfiguration(
///     serverURL: URL(string: "https://errata.example.com"),
///     locales: [LanguageTag(rawValue: "zh-Hans")!],
///     warningHandler: { print("errata: \($0)") }
/// ))
/// ```
public struct ClientConfiguration: Sendable {
    /// The Errata server to sync from, such as `http://127.0.0.1:8080`; `nil` makes ``ErrataClient/sync()`` fail.
    public var serverURL: URL?
    /// A token of scope `read`, for servers that require one for reads; sent only in the `Authorization` header.
    public var accessToken: String?
    /// The directory holding the cached catalog; `nil` uses ``defaultCacheDirectory(environment:)``.
    public var cacheDirectory: URL?
    /// The longest one request of a sync may take, in seconds.
    public var timeout: TimeInterval
    /// ``ErrataClient/sync()`` does not ask the server again within this many seconds of the last check.
    public var minimumSyncInterval: TimeInterval
    /// The locales kept in memory and in the cache; `nil` keeps every locale.
    ///
    /// The catalog's source locale (`en`) is always kept, because every fallback chain ends there.
    public var locales: Set<LanguageTag>?
    /// Receives warnings that do not fail a call, such as a cache file discarded as corrupt.
    public var warningHandler: (@Sendable (String) -> Void)?

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - serverURL: The Errata server to sync from.
    ///   - accessToken: A read token, when the server requires one.
    ///   - cacheDirectory: The cache directory; `nil` for the platform default.
    ///   - timeout: Seconds one request may take.
    ///   - minimumSyncInterval: Seconds between two checks with the server.
    ///   - locales: The locales to keep; `nil` keeps all.
    ///   - warningHandler: Receives non-fatal warnings; `nil` ignores them.
    public init(
        serverURL: URL? = nil,
        accessToken: String? = nil,
        cacheDirectory: URL? = nil,
        timeout: TimeInterval = 10,
        minimumSyncInterval: TimeInterval = 60,
        locales: Set<LanguageTag>? = nil,
        warningHandler: (@Sendable (String) -> Void)? = nil
    ) {
        self.serverURL = serverURL
        self.accessToken = accessToken
        self.cacheDirectory = cacheDirectory
        self.timeout = timeout
        self.minimumSyncInterval = minimumSyncInterval
        self.locales = locales
        self.warningHandler = warningHandler
    }

    /// The platform's cache directory for Errata.
    ///
    /// On Linux this is `$XDG_CACHE_HOME/errata`, else `~/.cache/errata`; on Apple platforms,
    /// `errata` in the user's caches directory.
    /// - Parameter environment: The process environment, read for `XDG_CACHE_HOME` and `HOME`.
    /// - Returns: The directory; it may not exist yet.
    public static func defaultCacheDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        #if canImport(Darwin)
        let caches = FileManager.default.urls(for: .cachesDirectory, in: .userDomainMask).first
            ?? FileManager.default.temporaryDirectory
        return caches.appendingPathComponent("errata", isDirectory: true)
        #else
        // The XDG Base Directory specification says to ignore a relative XDG_CACHE_HOME.
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("errata", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".cache", isDirectory: true)
            .appendingPathComponent("errata", isDirectory: true)
        #endif
    }

    /// The cache directory in use: ``cacheDirectory`` or the platform default.
    var resolvedCacheDirectory: URL {
        cacheDirectory ?? Self.defaultCacheDirectory()
    }
}
