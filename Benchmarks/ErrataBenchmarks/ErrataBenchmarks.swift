// In-process benchmarks of Errata's hot paths (package-benchmark).
//
//   ERRATA_BENCHMARKS=1 swift package benchmark --target ErrataBenchmarks
//
// Environment:
//   ERRATA_BENCH_SMOKE=1          a few iterations each: only proves the suites still run (CI)
//   ERRATA_BENCH_CATALOG_10K=DIR  also run the scale suites against a generated Localizations/ directory
//                                 (Benchmarks/http/generate-catalog.py DIR)
// The seed catalog is read from ./Localizations (the package root, where `swift package benchmark` runs).

import Benchmark
import ErrataClient
import ErrataCore
import ErrataServer
import ErrataStore
import Foundation

let benchmarks: @Sendable () -> Void = {
    let environment = ProcessInfo.processInfo.environment
    let smoke = environment["ERRATA_BENCH_SMOKE"] != nil
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: smoke ? 1 : 10,
        scalingFactor: .one,
        maxDuration: smoke ? .milliseconds(100) : .seconds(2),
        maxIterations: smoke ? 5 : 1_000_000
    )

    let seed = Fixture(directory: URL(fileURLWithPath: "Localizations", isDirectory: true))
    registerLookups(seed, suffix: "seed")
    registerDispatch(seed, suffix: "seed")
    registerLoopbackRPC(seed, suffix: "seed")
    registerCallMetrics()
    registerBuilds(seed, suffix: "seed")
    if let large = environment["ERRATA_BENCH_CATALOG_10K"], !large.isEmpty {
        let fixture = Fixture(directory: URL(fileURLWithPath: large, isDirectory: true))
        registerLookups(fixture, suffix: "10k")
        registerDispatch(fixture, suffix: "10k")
        registerBuilds(fixture, suffix: "10k", heavy: true)
    }
}

/// A catalog loaded once, with what the benchmarks need ready.
struct Fixture: Sendable {
    let catalog: Catalog
    let snapshot: CatalogSnapshot
    /// The directory of a client cache file holding `catalog`.
    let cacheDirectory: URL
    /// A client started from that cache; kept for the whole run, so that no measurement includes freeing it.
    let client: ErrataClient
    /// The server's view of revision 1, and its feed after 1,000 one-text publishes; built once, for
    /// the same reason (freeing a 10k × 10 feed alone costs milliseconds).
    let served: ServedCatalog
    let publishedFeed: RevisionFeed

    init(directory: URL) {
        do {
            catalog = try LocalizationsDirectory(url: directory).load()
        } catch {
            fatalError("cannot load \(directory.path): \(error)")
        }
        snapshot = CatalogSnapshot(catalog: catalog, revision: 1)
        served = ServedCatalog(snapshot: snapshot, feed: Self.feed(of: catalog, publishes: 0))
        publishedFeed = Self.feed(of: catalog, publishes: min(1_000, catalog.entries.count))
        cacheDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("errata-bench-cache-\(ProcessInfo.processInfo.processIdentifier)-\(catalog.entries.count)")
        try? FileManager.default.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
        // The client's cache file format (CachedCatalog, format version 1), written as the client writes it.
        struct CacheFile: Encodable {
            var formatVersion = 1
            var savedAt = Date()
            var serverURL: String? = "http://127.0.0.1:1"
            var locales: [LanguageTag]? = nil
            var document: CatalogDocument
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try! encoder.encode(CacheFile(document: CatalogDocument(catalog: catalog, revision: 1)))
        try! data.write(to: cacheDirectory.appendingPathComponent("catalog.json"))
        client = ErrataClient(configuration: ClientConfiguration(cacheDirectory: cacheDirectory))
        precondition(client.revision == 1, "the client did not load the benchmark cache")
    }

    /// A feed of `count` single-text publishes on top of revision 1, as the server keeps it.
    static func feed(of catalog: Catalog, publishes count: Int) -> RevisionFeed {
        let imported = catalog.texts.keys.map { TextRevision(key: $0, revision: 1) }
        let edited = catalog.entries.prefix(count).enumerated().map { index, entry in
            TextChange(key: TextKey(entry: entry.key, locale: catalog.sourceLocale, field: .remediation), text: "Edited text \(index).", revision: index + 2)
        }
        return edited.reduce(RevisionFeed(currentRevision: 1, floor: 0, textRevisions: imported)) { feed, change in
            feed.appending([change], revision: change.revision, floor: 0)
        }
    }
}

func registerLookups(_ fixture: Fixture, suffix: String) {
    let snapshot = fixture.snapshot
    let negotiator = snapshot.negotiator

    Benchmark("Negotiate Accept-Language zh-TW,zh;q=0.8,en;q=0.5 (\(suffix))") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(negotiator.negotiate(explicit: nil, acceptLanguage: "zh-TW,zh;q=0.8,en;q=0.5"))
        }
    }
    Benchmark("Negotiate explicit locale=en (\(suffix))") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(negotiator.negotiate(explicit: "en", acceptLanguage: nil))
        }
    }
    // Made once, outside the measured closure: with a scaling factor of one, each sample is one iteration,
    // and canonicalizing the tag (about a microsecond) would be measured with every describe.
    let zhHant = LocaleNegotiation(locale: LanguageTag(rawValue: "zh-Hant")!, fallback: false)
    Benchmark("Snapshot describe NoSuchKey zh-Hant (\(suffix))") { benchmark in
        let negotiation = zhHant
        for _ in benchmark.scaledIterations {
            let entry = try snapshot.entry(code: ErrorCode("NoSuchKey"), variant: nil)
            blackHole(try snapshot.describe(entry, negotiation: negotiation))
        }
    }
    Benchmark("Snapshot describe EntityTooLarge with params (\(suffix))") { benchmark in
        let negotiation = LocaleNegotiation(locale: .english, fallback: false)
        for _ in benchmark.scaledIterations {
            let entry = try snapshot.entry(code: ErrorCode("EntityTooLarge"), variant: nil)
            blackHole(try snapshot.describe(entry, negotiation: negotiation, parameters: ["maxObjectSize": "5 GiB"]))
        }
    }
    Benchmark("Unknown code suggestions NoSuchKye (\(suffix))") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(snapshot.suggestions(for: "NoSuchKye"))
        }
    }
    Benchmark("JSON-RPC decode and answer a batch of 50 describes (\(suffix))") { benchmark in
        let codes = fixture.catalog.entries.prefix(50).map(\.code.rawValue)
        let calls = codes.enumerated().map { index, code in
            #"{"jsonrpc":"2.0","method":"errors.describe","params":{"code":"\#(code)","locale":"en"},"id":\#(index + 1)}"#
        }
        let body = Data(("[" + calls.joined(separator: ",") + "]").utf8)
        let served = fixture.served
        let negotiation = LocaleNegotiation(locale: fixture.catalog.sourceLocale, fallback: false)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            guard case .success(.batch(let requests)) = JSONRPCPayload.decode(body, limits: .init()) else { fatalError("not a batch") }
            let responses = requests.map { request -> JSONRPCResponse in
                guard case .success(let call) = request, case .object(let params)? = call.params, case .string(let code)? = params["code"],
                      let entry = try? snapshot.entry(code: ErrorCode(code), variant: nil),
                      let body = try? served.describeBody(entry, negotiation: negotiation)
                else { fatalError("not a describe call") }
                return JSONRPCResponse(id: call.id ?? .null, outcome: .result(body))
            }
            blackHole(JSONRPCResponse.body(responses, asBatch: true))
        }
    }
    Benchmark("Client describe NoSuchKey zh-Hans (\(suffix))") { benchmark in
        let client = fixture.client
        for _ in benchmark.scaledIterations {
            blackHole(try client.describe(code: ErrorCode("NoSuchKey"), locale: "zh-Hans"))
        }
    }
    Benchmark("Delta changes since N-1, 1000 revisions retained (\(suffix))") { benchmark in
        let feed = fixture.publishedFeed
        for _ in benchmark.scaledIterations {
            blackHole(try feed.changes(since: feed.currentRevision - 1, in: snapshot))
        }
    }
    Benchmark("Delta changes since N-1 encoded (\(suffix))") { benchmark in
        let feed = fixture.publishedFeed
        for _ in benchmark.scaledIterations {
            blackHole(try feed.changes(since: feed.currentRevision - 1, in: snapshot).canonicalJSON)
        }
    }
}

func registerBuilds(_ fixture: Fixture, suffix: String, heavy: Bool = false) {
    let slow = Benchmark.Configuration(
        warmupIterations: heavy ? 0 : 2,
        maxDuration: .seconds(heavy ? 10 : 3),
        maxIterations: ProcessInfo.processInfo.environment["ERRATA_BENCH_SMOKE"] != nil ? 1 : (heavy ? 5 : 100)
    )
    Benchmark("Snapshot build CatalogSnapshot (\(suffix))", configuration: slow) { benchmark in
        blackHole(CatalogSnapshot(catalog: fixture.catalog, revision: 2))
    }
    Benchmark("Server publish one change (ServedCatalog.applying) (\(suffix))") { benchmark in
        let served = fixture.served
        let entry = fixture.catalog.entries[0]
        let delta = PublishedDelta(
            revision: 2, historyFloor: 0, locales: fixture.catalog.locales,
            changes: [TextChange(key: TextKey(entry: entry.key, locale: fixture.catalog.sourceLocale, field: .message), text: "Published.", revision: 2)]
        )
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(served.applying(delta))
        }
    }
    Benchmark("Client cache load (\(suffix))", configuration: slow) { benchmark in
        // Includes freeing the client at the end of the closure (the catalog's objects), as a CLI exiting would not.
        let client = ErrataClient(configuration: ClientConfiguration(cacheDirectory: fixture.cacheDirectory))
        precondition(client.revision == 1, "the client did not load the benchmark cache")
        blackHole(client)
    }
    Benchmark("Snapshot apply one change incrementally (\(suffix))") { benchmark in
        let entry = fixture.catalog.entries[0]
        let change = TextChange(
            key: TextKey(entry: entry.key, locale: fixture.catalog.sourceLocale, field: .message),
            text: "A changed message for the benchmark.", revision: 2
        )
        for _ in benchmark.scaledIterations {
            blackHole(fixture.snapshot.applying([change], revision: 2))
        }
    }
}
