import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A primary on loopback that a test can stop while its followers go on.
struct RunningPrimary {
    let service: TestService
    let url: URL
    private let task: Task<Void, any Error>

    /// Starts `service`'s application on an ephemeral port; returns once it listens.
    ///
    /// Waits for the server's own "running" callback rather than polling against a deadline: on a loaded
    /// machine a start can take longer than any deadline that keeps the tests quick.
    init(_ service: TestService) async throws {
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let app = buildApplication(configuration: service.configuration, store: service.store, live: service.live, logger: TestService.logger) { address in
            if let port = address?.port { listening.yield(port) }
        }
        task = Task {
            // A server that stops before it listens ends the stream, so the wait below ends too.
            defer { listening.finish() }
            try await app.runService(gracefulShutdownSignals: [])
        }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next() else {
            task.cancel()
            throw PrimaryNotListening()
        }
        self.service = service
        self.url = URL(string: "http://127.0.0.1:\(bound)")!
    }

    /// Stops the server, as a crash or a `kill` would: connections in flight are dropped.
    func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// Publishes `text` as NoSuchKey's English message; returns the new revision.
    func publish(_ text: String) async throws -> Int {
        let current = service.live.served.revision
        let answer = try await service.edits.setText(
            FollowerTests.key, to: text, expected: .version(try await service.store.text(FollowerTests.key).number), publish: true,
            note: "test", by: TestService.root
        )
        let published = try #require(answer.publishedRevision)
        #expect(published > current)
        return published
    }

    struct PrimaryNotListening: Error {}
}

/// A follower of `primary` on its own database in a temporary directory.
struct TestFollower {
    let directory: URL
    let store: CatalogStore
    let live: LiveCatalog
    let configuration: ServerConfiguration

    /// - Parameter holding: What the follower's database holds at start; empty when `nil`.
    init(following primary: URL, maximumSilence: Duration? = nil, accessToken: String? = nil, holding published: PublishedCatalog? = nil) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-follower-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try CatalogStore(path: directory.appendingPathComponent("errata.sqlite").path, logger: TestService.logger)
        if let published {
            try await store.replaceWithPublished(published.catalog, revision: published.revision, source: "test")
        }
        live = try await CatalogBootstrap.followerCatalog(store: store, logger: TestService.logger)
        // Short waits, so that stopping the primary does not wait on a long poll.
        let follower = FollowerConfiguration(
            primary: primary, maximumSilence: maximumSilence, pollWait: .seconds(2), initialRetryDelay: .milliseconds(20), maximumRetryDelay: .milliseconds(200),
            accessToken: accessToken
        )
        configuration = ServerConfiguration(port: 0, follower: follower)
    }

    /// Runs `body` against the follower listening on loopback, removing its database afterwards.
    func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = buildApplication(configuration: configuration, store: store, live: live, logger: TestService.logger)
        return try await app.test(.live, body)
    }
}

extension TestClientProtocol {
    /// The English message of `code` this server serves now.
    func message(of code: String) async throws -> JSONValue? {
        try await execute(uri: "/v1/errors/\(code)?locale=en", method: .get).json()["message"]
    }

    /// The revision `/healthz` reports.
    func servedRevision() async throws -> JSONValue? {
        try await execute(uri: "/healthz", method: .get).json()["revision"]
    }
}
