import ErrataCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A JSON-RPC client over a real socket, for tests that need many concurrent connections.
struct HTTPJSONClient: Sendable {
    let baseURL: URL
    let token: String?

    /// Posts one call and returns the decoded answer.
    func call(_ method: String, _ params: JSONValue) async throws -> JSONValue {
        var request = URLRequest(url: baseURL.appendingPathComponent("rpc"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.httpBody = CanonicalJSON.encode(JSONValue.object(["jsonrpc": "2.0", "method": .string(method), "params": params, "id": 1]))
        // Only bounds a failure: with the whole suite running, a loaded 2-core machine can take seconds to answer.
        request.timeoutInterval = 60
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }
}
