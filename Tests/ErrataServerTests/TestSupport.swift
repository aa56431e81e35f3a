import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import NIOFoundationCompat

/// A service on a fresh database in a temporary directory, seeded from the repository's `Localizations/`.
struct TestService {
    static let localizations = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Localizations")
    static let logger = Logger(label: "errata-test") { _ in SwiftLogNoOpLogHandler() }

    let directory: URL
    let store: CatalogStore
    let live: LiveCatalog
    var configuration: ServerConfiguration

    /// A database seeded from `Localizations/` once per test process, as a first start seeds it; every
    /// test starts from a copy, so the hundreds of services the suite starts do not each import the catalog.
    private static let seeded = Task {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-seeded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try CatalogStore(path: directory.appendingPathComponent("errata.sqlite").path, logger: logger)
        _ = try await CatalogBootstrap.liveCatalog(store: store, localizations: localizations, logger: logger)
        return store
    }

    /// The SQLite file, for tests that open it as another process would.
    var databasePath: String { directory.appendingPathComponent("errata.sqlite").path }

    init(configuration: ServerConfiguration = .init(port: 0)) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("errata.sqlite").path
        try await Self.seeded.value.backup(to: path)
        store = try CatalogStore(path: path, logger: Self.logger)
        live = try await CatalogBootstrap.liveCatalog(
            store: store, localizations: Self.localizations, links: configuration.docsLinks, logger: Self.logger
        )
        self.configuration = configuration
    }

    /// The edit service over this test's store and catalog, as the application builds it.
    var edits: EditService {
        EditService(store: store, live: live, access: AccessControl(store: store))
    }

    /// An editor whose token may do everything, for edits a test makes without HTTP.
    static let root = Editor(token: TokenInfo(name: "root", scope: .admin, createdAt: Date(), lastUsedAt: nil), logger: logger)

    /// Runs `body` against the application logging to `logger`, removing the database afterwards.
    func test<Value: Sendable>(
        _ setup: TestingSetup = .router, logger: Logger = Self.logger, readiness: Readiness = Readiness(),
        _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = buildApplication(configuration: configuration, store: store, live: live, logger: logger, readiness: readiness)
        return try await app.test(setup, body)
    }
}

/// Waits until `condition` holds, checking every 20 ms, for at most `timeout`.
///
/// The deadline is generous on purpose: a condition that holds ends the wait at once, and the whole
/// suite runs its tests in parallel, so on a loaded machine an effect can take seconds to show.
///
/// - Returns: Whether it held before the deadline.
func eventually(within timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

extension TestClientProtocol {
    /// Posts a JSON-RPC body to `/rpc`.
    func rpc(_ json: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        if headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await execute(uri: "/rpc", method: .post, headers: headers, body: ByteBuffer(string: json))
    }
}

extension TestResponse {
    /// The body parsed as JSON.
    func json() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(buffer: body))
    }

    /// The body decoded as `T`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(buffer: body))
    }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        get {
            guard case .object(let members) = self else { return nil }
            return members[key]
        }
        set {
            guard case .object(var members) = self else { return }
            members[key] = newValue
            self = .object(members)
        }
    }

    subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The value with every `error.data` member removed, to compare with the specification's examples.
    var withoutErrorData: JSONValue {
        switch self {
        case .array(let elements): return .array(elements.map(\.withoutErrorData))
        case .object(var members):
            if case .object(var error) = members["error"] {
                error["data"] = nil
                members["error"] = .object(error)
            }
            return .object(members)
        default: return self
        }
    }
}
