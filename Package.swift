// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "errata",
    // The lowest systems the code allows: Duration and the Clock API (macOS 13, iOS 16); shared state
    // uses a lock of its own (ErrataCore's Locked) rather than Synchronization.Mutex (macOS 15, iOS 18).
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    // Libraries for apps: the client and the model it answers with. The store and the server are
    // `package` to this repository's executables, tests and benchmarks, and promise no API.
    products: [
        .library(name: "ErrataCore", targets: ["ErrataCore"]),
        .library(name: "ErrataClient", targets: ["ErrataClient"]),
        .executable(name: "errata-server", targets: ["errata-server"]),
        .executable(name: "errata", targets: ["errata"]),
    ],
    // Exact versions: every one is used only by the server, the store and the executables (ErrataClient
    // depends on no package), so a deployable build resolves what this repository was tested with.
    // Package.resolved is not committed; the README says why.
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", exact: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", exact: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", exact: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
        // errata-server's settings: flags, ERRATA_* variables and a JSON file. Only the JSON trait: YAML
        // would bring Yams, and the reloading providers ServiceLifecycle and swift-metrics' use we don't need.
        .package(url: "https://github.com/apple/swift-configuration.git", exact: "1.4.0", traits: ["JSON"]),
        // FilePath, which swift-configuration's file provider takes; already one of its dependencies.
        .package(url: "https://github.com/apple/swift-system.git", exact: "1.8.1"),
    ],
    targets: [
        .target(
            name: "ErrataCore",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ErrataStore",
            dependencies: [
                "ErrataCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The error pages: templates, stylesheet, script and page strings, rendered from the snapshot's model types.
        .target(
            name: "ErrataWeb",
            dependencies: [
                "ErrataCore",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [
                .copy("Resources/templates"), .copy("Resources/static"), .copy("Resources/strings"), .copy("Resources/client"),
                .copy("Resources/admin"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ErrataServer",
            dependencies: [
                "ErrataClient",
                "ErrataCore",
                "ErrataStore",
                "ErrataWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/openrpc.json")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "errata-server",
            dependencies: [
                "ErrataCore",
                "ErrataStore",
                "ErrataServer",
                "ErrataWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ErrataClient",
            dependencies: ["ErrataCore"],
            resources: [.copy("Resources/catalog-snapshot.json")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "errata",
            dependencies: [
                "ErrataClient",
                "ErrataCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The CLI's own words. Copied, not processed: SwiftPM on Linux does not compile string
            // catalogs, so CLIStrings reads the file itself.
            resources: [.copy("Resources/CLI.xcstrings")],
            swiftSettings: swiftSettings
        ),
        // Renders message patterns for .ci/icu-check, which compares them with ICU's MessageFormat (PyICU).
        .executableTarget(
            name: "errata-message-check",
            dependencies: ["ErrataCore"],
            path: "Tests/MessageFormatCheck",
            swiftSettings: swiftSettings
        ),
        // Runs this package's executables for the tests of both, without Foundation.Process (ChildProcess says why).
        .target(
            name: "ErrataTestSupport",
            dependencies: ["ErrataCore"],
            path: "Tests/ErrataTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ErrataClientTests",
            dependencies: [
                "ErrataClient",
                "ErrataCore",
                "ErrataTestSupport",
                "ErrataServer",
                "ErrataStore",
                "errata",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ErrataCoreTests",
            dependencies: ["ErrataCore"],
            resources: [.copy("Resources/seed-error-codes.md")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ErrataStoreTests",
            dependencies: [
                "ErrataStore",
                "ErrataCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ErrataServerTests",
            dependencies: [
                "ErrataServer",
                "ErrataStore",
                "ErrataCore",
                "ErrataTestSupport",
                "ErrataWeb",
                "errata-server",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)

// Benchmarks (Benchmarks/): package-benchmark suites for the in-process paths, the framework-ceiling
// server "H" and the client sync timer used by Benchmarks/http/run.sh. Like Hummingbird, they are only
// part of the package when an environment variable is set, so normal builds don't fetch or build them:
//   ERRATA_BENCHMARKS=1 swift package benchmark
if Context.environment["ERRATA_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"])
    )
    package.targets.append(contentsOf: [
        .executableTarget(
            name: "ErrataBenchmarks",
            dependencies: [
                "ErrataCore",
                "ErrataClient",
                "ErrataServer",
                "ErrataStore",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/ErrataBenchmarks",
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // H: a Hummingbird route answering a constant string, built with the same settings as errata-server.
        .executableTarget(
            name: "hummingbird-ceiling",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Benchmarks/HummingbirdCeiling",
            swiftSettings: swiftSettings
        ),
        // Times ErrataClient.sync() of one published change, in process, against a running server.
        .executableTarget(
            name: "errata-sync-timer",
            dependencies: ["ErrataClient", "ErrataCore"],
            path: "Benchmarks/SyncTimer",
            swiftSettings: swiftSettings
        ),
    ])
}

// Documentation (Sources/*/*.docc): the DocC plugin, only when asked for, so normal builds don't fetch it:
//   ERRATA_DOCS=1 swift package generate-documentation --target ErrataClient
if Context.environment["ERRATA_DOCS"] != nil {
    package.dependencies.append(.package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"))
}
