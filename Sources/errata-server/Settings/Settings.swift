import Foundation

/// Every setting of errata-server, each defined once (``Setting``): the store's, which every
/// subcommand that opens the database shares, in `StoreSettings.swift`, and `serve`'s in `ServeSettings.swift`.
enum Settings {
    /// Every setting, in the order of README's table; a new setting goes here too.
    static let all: [any NamedSetting] = [
        config, database, logLevel, logFormat,
        host, port, localizations, corsOrigins, trustedProxies, maxBodySize, maxAuthFailures, requireReadToken,
        idleTimeout, gracePeriod, drainDelay, publicURL, eventLoopReads, follow, followToken, followMaxSilence,
    ]

    /// The configuration file: a JSON object whose keys are settings' keys. It is named on the
    /// command line or in the environment only.
    static let config = Setting<String?>(
        "config", default: nil, shown: "none", valueName: "file",
        abstract: "A JSON file of settings, such as {\"port\": 8080}; flags and ERRATA_* variables win over it.",
        requirement: "config must name a file"
    ) { $0.isEmpty ? nil : $0 }

    /// The environment variable of the setting `key`: `ERRATA_` and the key, upper-cased, dashes as
    /// underscores, as swift-configuration's `EnvironmentVariablesProvider` spells a key prefixed with `errata`.
    static func environmentVariable(for key: String) -> String {
        "ERRATA_" + key.uppercased().replacingOccurrences(of: "-", with: "_")
    }
}
