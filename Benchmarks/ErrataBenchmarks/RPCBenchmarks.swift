import Benchmark
import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import HTTPTypes
import Logging
import NIOCore

/// `POST /rpc` bodies answered by the server's own dispatcher: parse, per-call authorization,
/// method lookup, metrics, describe and envelope — everything `RPCController` does but HTTP.
func registerDispatch(_ fixture: Fixture, suffix: String) {
    let logger = Logger(label: "errata-benchmarks")
    let store = benchmarkStore(suffix, logger: logger)
    let configuration = ServerConfiguration()
    let live = LiveCatalog(fixture.served, logger: logger)
    let access = AccessControl(store: store)
    let dispatcher = buildDispatcher(
        configuration: configuration, live: live, access: access, service: EditService(store: store, live: live, access: access)
    )
    // One context per request, as the server makes: it holds the catalog the request reads.
    let context = { RPCCallContext(headers: [.contentType: "application/json"], peer: "127.0.0.1", logger: logger) }

    let bodies = DescribeBodies(fixture)
    let batch = ByteBuffer(string: bodies.batch)
    let single = ByteBuffer(string: bodies.single)

    Benchmark("JSON-RPC dispatch a batch of 50 describes (\(suffix))") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(await dispatcher.respond(to: batch, context: context()))
        }
    }
    Benchmark("JSON-RPC dispatch one describe (\(suffix))") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(await dispatcher.respond(to: single, context: context()))
        }
    }
}

/// The database the server-side benchmarks open, one per catalog and reused by every run: it only
/// holds the (empty) token table the methods read.
func benchmarkStore(_ suffix: String, logger: Logger) -> CatalogStore {
    let database = FileManager.default.temporaryDirectory.appendingPathComponent("errata-bench-dispatch-\(suffix).sqlite")
    do {
        return try CatalogStore(path: database.path, logger: logger)
    } catch {
        fatalError("cannot open \(database.path): \(error)")
    }
}

/// `POST /rpc` bodies: one `errors.describe`, and a batch of 50 (the catalog's first 50 codes, in English).
struct DescribeBodies {
    let single: String
    let batch: String

    init(_ fixture: Fixture) {
        let codes = fixture.catalog.entries.prefix(50).map(\.code.rawValue)
        let calls = codes.enumerated().map { index, code in
            #"{"jsonrpc":"2.0","method":"errors.describe","params":{"code":"\#(code)","locale":"en"},"id":\#(index + 1)}"#
        }
        single = calls[0]
        batch = "[" + calls.joined(separator: ",") + "]"
    }
}

/// What recording one call's metrics costs: the meters kept by the dispatcher, against finding them
/// in the registry for each call, as the dispatcher did until 2026-11-30 (the batch regression).
func registerCallMetrics() {
    let metrics = ServerMetrics()
    let meters = metrics.callMeters(method: "errors.describe")
    Benchmark("JSON-RPC call metrics, meters kept") { benchmark in
        for _ in benchmark.scaledIterations {
            meters.record(.microseconds(2))
        }
    }
    Benchmark("JSON-RPC call metrics, meters found in the registry per call") { benchmark in
        for _ in benchmark.scaledIterations {
            metrics.callMeters(method: "errors.describe").record(.microseconds(2))
        }
    }
}
