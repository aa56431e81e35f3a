import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real Errata server on a fresh database seeded from `Localizations/` (revision 1), on an ephemeral loopback port.
struct LiveServer: Sendable {
    static let logger = Logger(label: "errata-client-test") { _ in SwiftLogNoOpLogHandler() }

    let directory: URL
    let store: CatalogStore
    let live: LiveCatalog

    /// A database seeded from `Localizations/` once per test process, as a first start seeds it; every
    /// server starts from a copy rather than importing the catalog again.
    private static let seeded = Task {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-seeded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try CatalogStore(path: directory.appendingPathComponent("errata.sqlite").path, logger: logger)
        _ = try await CatalogBootstrap.liveCatalog(store: store, localizations: Repository.localizations, logger: logger)
        return store
    }

    init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("errata.sqlite").path
        try await Self.seeded.value.backup(to: path)
        store = try CatalogStore(path: path, logger: Self.logger)
        live = try await CatalogBootstrap.liveCatalog(store: store, localizations: Repository.localizations, logger: Self.logger)
    }

    /// Runs `body` with the server listening; the server stops when `body` returns.
    ///
    /// - Parameter requireReadToken: Whether reads need a token, as `errata-server serve --require-read-token` does.
    func run<Value: Sendable>(requireReadToken: Bool = false, _ body: @Sendable (URL) async throws -> Value) async throws -> Value {
        let configuration = ServerConfiguration(port: 0, requireReadToken: requireReadToken)
        let app = buildApplication(configuration: configuration, store: store, live: live, logger: Self.logger)
        return try await app.test(.live) { client in
            try await body(URL(string: "http://127.0.0.1:\(client.port!)")!)
        }
    }

    /// Removes the database.
    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Publishes a new text the way an admin does: `admin.getText`, then `admin.setText` with `publish: true`.
    ///
    /// - Returns: The published revision.
    func publish(_ key: TextKey, text: String, at url: URL) async throws -> Int {
        let token = try await store.createToken(name: "publisher-\(UUID().uuidString)", scope: .publish)
        var params: JSONObject = [
            "code": .string(key.entry.code.rawValue), "locale": .string(key.locale.rawValue), "field": .string(key.field.rawValue),
        ]
        guard case .integer(let expected)? = try await rpc("admin.getText", params, token: token, at: url)["version"] else {
            throw AdminError(message: "admin.getText answered no revision")
        }
        params["text"] = .string(text)
        params["expectedVersion"] = .integer(expected)
        params["publish"] = true
        guard case .integer(let published)? = try await rpc("admin.setText", params, token: token, at: url)["publishedRevision"] else {
            throw AdminError(message: "admin.setText published nothing")
        }
        return Int(published)
    }

    /// Calls a JSON-RPC method over HTTP and returns its result's members.
    private func rpc(_ method: String, _ params: JSONObject, token: String, at url: URL) async throws -> JSONObject {
        var request = URLRequest(url: url.appendingPathComponent("rpc"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let call: JSONValue = ["jsonrpc": "2.0", "method": .string(method), "params": .object(params), "id": 1]
        request.httpBody = try JSONEncoder().encode(call)
        let (data, _) = try await URLSession.shared.data(for: request)
        let response = try JSONDecoder().decode(JSONValue.self, from: data)
        guard case .object(let members) = response, case .object(let result)? = members["result"] else {
            throw AdminError(message: "\(method) failed: \(String(decoding: data, as: UTF8.self))")
        }
        return result
    }

    struct AdminError: Error {
        var message: String
    }
}
