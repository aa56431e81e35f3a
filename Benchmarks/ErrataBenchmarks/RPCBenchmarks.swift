import Benchmark
import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import HTTPTypes
import Logging

/// `POST /rpc` bodies answered by the server's own dispatcher: parse, per-call authorization,
/// method lookup, metrics, describe and envelope — everything `RPCController` does but HTTP.
func registerDispatch(_ fixture: Fixture, suffix: String) {
    let logger = Logger(label: "errata-benchmarks")
    // One database per catalog, reused by every run: it only holds the (empty) token table the methods read.
    let database = FileManager.default.temporaryDirectory.appendingPathComponent("errata-bench-dispatch-\(suffix).sqlite")
    let store: CatalogStore
    do {
        store = try CatalogStore(path: database.path, logger: logger)
    } catch {
        fatalError("cannot open \(database.path): \(error)")
    }
    let configuration = ServerConfiguration()
    let live = LiveCatalog(fixture.served, logger: logger)
    let access = AccessControl(store: store)
    let dispatcher = buildDispatcher(
        configuration: configuration, live: live, access: access, service: EditService(store: store, live: live, access: access)
    )
    let context = RPCCallContext(headers: [.contentType: "application/json"], peer: "127.0.0.1", logger: logger)

    let codes = fixture.catalog.entries.prefix(50).map(\.code.rawValue)
    let calls = codes.enumerated().map { index, code in
        #"{"jsonrpc":"2.0","method":"errors.describe","params":{"code":"\#(code)","locale":"en"},"id":\#(index + 1)}"#
    }
    let batch = Data(("[" + calls.joined(separator: ",") + "]").utf8)
    let single = Data(calls[0].utf8)

    Benchmark("JSON-RPC dispatch a batch of 50 describes (\(suffix))") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(await dispatcher.respond(to: batch, context: context))
        }
    }
    Benchmark("JSON-RPC dispatch one describe (\(suffix))") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(await dispatcher.respond(to: single, context: context))
        }
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
