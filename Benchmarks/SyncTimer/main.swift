// Times one-text publishes and the client's sync of each, against a running errata-server.
//
// usage: errata-sync-timer SERVER_URL CACHE_DIR ROUNDS   (ERRATA_TOKEN: a token of scope publish or admin)
//
// Each round publishes one text (admin.setText, publish: true, the zh-Hans message of NoSuchKey),
// timed from request to response, then times ErrataClient.sync() bringing a client that has the
// previous revision up to date (a delta of that one change, applied and written to the cache).
// Prints the medians and maxima in milliseconds, plus the size of the delta-feed body.
import ErrataClient
import ErrataCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 4, let server = URL(string: arguments[1]), let rounds = Int(arguments[3]),
    let token = ProcessInfo.processInfo.environment["ERRATA_TOKEN"]
else {
    FileHandle.standardError.write(Data("usage: ERRATA_TOKEN=… errata-sync-timer SERVER_URL CACHE_DIR ROUNDS\n".utf8))
    exit(2)
}
let cacheDirectory = URL(fileURLWithPath: arguments[2], isDirectory: true)

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func rpc(_ method: String, _ params: [String: Any]) async throws -> [String: Any] {
    var request = URLRequest(url: server.appendingPathComponent("rpc"))
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    request.httpBody = try JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "method": method, "params": params, "id": 1])
    let (data, _) = try await URLSession.shared.data(for: request)
    let answer = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    guard let result = answer["result"] as? [String: Any] else { throw NSError(domain: "rpc \(method): \(answer)", code: 1) }
    return result
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let key: [String: Any] = ["code": "NoSuchKey", "locale": "zh-Hans", "field": "message"]
var expected = try await rpc("admin.getText", key)["version"] as! Int
let client = ErrataClient(configuration: ClientConfiguration(serverURL: server, cacheDirectory: cacheDirectory, timeout: 60, minimumSyncInterval: 0))
let start = now()
let first = try await client.sync()
print("initial sync: \(first) in \(Double(now() - start) / 1e6) ms")

var publishMs: [Double] = []
var syncMs: [Double] = []
var feedBytes = 0
for round in 0..<rounds {
    var params = key
    params["text"] = "指定的对象键不存在（第 \(round) 次基准测试修改）。"
    params["expectedVersion"] = expected
    params["publish"] = true
    params["note"] = "benchmark round \(round)"
    let t0 = now()
    let result = try await rpc("admin.setText", params)
    publishMs.append(Double(now() - t0) / 1e6)
    expected = result["version"] as! Int
    let published = result["publishedRevision"] as! Int
    let t1 = now()
    let outcome = try await client.sync()
    syncMs.append(Double(now() - t1) / 1e6)
    guard case .updated(_, let to, .delta) = outcome, to == published else {
        print("round \(round): unexpected sync outcome \(outcome)")
        exit(1)
    }
    if round == 0 {
        let (data, _) = try await URLSession.shared.data(from: URL(string: "\(server.absoluteString)/v1/catalog/changes?since=\(published - 1)")!)
        feedBytes = data.count
    }
}
print(String(format: "publish_ms median=%.2f max=%.2f", median(publishMs), publishMs.max()!))
print(String(format: "sync_ms median=%.2f max=%.2f", median(syncMs), syncMs.max()!))
print("feed_bytes=\(feedBytes)")
