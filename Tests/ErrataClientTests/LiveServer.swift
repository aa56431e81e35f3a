import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// A real Errata server on a fresh database seeded from `Localizations/` (revision 1), on an ephemeral loopback port.
struct LiveServer: Sendable {
    static let logger = Logger(label: "errata-client-test") { _ in SwiftLogNoOpLogHandler() }

    let directory: URL
    let store: CatalogStore
    let live: LiveCatalog

    init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try CatalogStore(path: directory.appendingPathComponent("errata.sqlite").path, logger: Self.logger)
        live = try await CatalogBootstrap.liveCatalog(store: store, localizations: Repository.localizations, logger: Self.logger)
    }

    /// Runs `body` with the server listening; the server stops when `body` returns.
    func run<Value: Sendable>(_ body: @Sendable (URL) async throws -> Value) async throws -> Value {
        let app = buildApplication(configuration: ServerConfiguration(port: 0), live: live, logger: Self.logger)
        return try await app.test(.live) { client in
            try await body(URL(string: "http://127.0.0.1:\(client.port!)")!)
        }
    }

    /// Removes the database.
    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
