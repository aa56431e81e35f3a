// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "errata",
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
    products: [
        .library(name: "ErrataCore", targets: ["ErrataCore"]),
        .library(name: "ErrataStore", targets: ["ErrataStore"]),
        .library(name: "ErrataServer", targets: ["ErrataServer"]),
        .library(name: "ErrataClient", targets: ["ErrataClient"]),
        .executable(name: "errata-server", targets: ["errata-server"]),
        .executable(name: "errata", targets: ["errata"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
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
        .target(
            name: "ErrataServer",
            dependencies: [
                "ErrataCore",
                "ErrataStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
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
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
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
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ErrataClientTests",
            dependencies: [
                "ErrataClient",
                "ErrataCore",
                "ErrataServer",
                "ErrataStore",
                "errata",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
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
                "errata-server",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
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
                .product(name: "Benchmark", package: "benchmark"),
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
