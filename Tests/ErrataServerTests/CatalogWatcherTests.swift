import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

/// What another writer commits to the database is served without a restart.
@Suite struct CatalogWatcherTests {
    static let key = TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey")), locale: .english, field: .message)

    /// Publishes one text change through `store` and returns the new revision.
    static func publish(_ text: String, through store: CatalogStore) async throws -> Int {
        let current = try #require(try await store.publishedCatalog()).revision
        let outcome = try await store.setText(key, text: text, expectedVersion: current, author: "elsewhere", publishNote: "from another writer")
        return try #require(outcome.published)
    }

    static func servedRevision(_ client: some TestClientProtocol) async throws -> JSONValue? {
        try await client.execute(uri: "/healthz", method: .get).json()["revision"]
    }

    @Test func aPublishByAnotherConnectionIsServedWithinTheInterval() async throws {
        let service = try await TestService(configuration: ServerConfiguration(port: 0, catalogCheckInterval: .milliseconds(50)))
        // A second store on the same file, as `errata-server` in another process opens it.
        let elsewhere = try CatalogStore(path: service.databasePath, logger: TestService.logger)
        try await service.test { client in
            let revision = try await Self.publish("Published elsewhere.", through: elsewhere)
            #expect(try await eventually { try await Self.servedRevision(client) == .integer(Int64(revision)) })
            let described = try await client.rpc(AdminRPCTests.call("errors.describe", #"{"code":"NoSuchKey","locale":"en"}"#)).json()
            #expect(described["result"]?["message"] == "Published elsewhere.")
        }
    }

    @Test func aCompactionByAnotherConnectionMovesTheFeedFloor() async throws {
        let service = try await TestService(configuration: ServerConfiguration(port: 0, catalogCheckInterval: .milliseconds(50)))
        let elsewhere = try CatalogStore(path: service.databasePath, logger: TestService.logger)
        let revision = try await Self.publish("One.", through: elsewhere)
        _ = try await Self.publish("Two.", through: elsewhere)
        try await service.test { client in
            _ = try await elsewhere.compactHistory(keep: 1)
            #expect(try await eventually {
                let changes = try await client.rpc(AdminRPCTests.call("catalog.changes", #"{"since":\#(revision - 1)}"#)).json()
                return changes["error"]?["data"]?["reason"] == "ResyncRequired"
            })
        }
    }

    /// Makes every publish also record a change no reload can read, until dropped and deleted.
    static let breakReloads = """
        CREATE TRIGGER break_reloads AFTER INSERT ON revision BEGIN
        INSERT INTO textChange (revision, entryId, locale, field, newValue)
        VALUES (NEW.number, (SELECT MIN(id) FROM entry), 'en', 'unreadable', 'x');
        END
        """

    @Test func aPublishWhoseReloadFailsIsAcknowledgedAndServedOnceReloadsWork() async throws {
        let service = try await TestService(configuration: ServerConfiguration(port: 0, catalogCheckInterval: .milliseconds(50)))
        let token = try await service.store.createToken(name: "editor", scope: .publish)
        let database = try DatabaseQueue(path: service.databasePath)
        try await database.write { try $0.execute(sql: Self.breakReloads) }
        try await service.test { client in
            let edit = try await client.rpc(
                AdminRPCTests.call("admin.setText", #"{"code":"NoSuchKey","locale":"en","field":"message","text":"Landed.","expectedVersion":1,"publish":true}"#),
                headers: AdminRPCTests.bearer(token)
            ).json()
            #expect(edit["result"]?["publishedRevision"] == 2, "\(edit)")
            #expect(try await Self.servedRevision(client) == 1)

            try await database.write { db in
                try db.execute(sql: "DROP TRIGGER break_reloads")
                try db.execute(sql: "DELETE FROM textChange WHERE field = 'unreadable'")
            }
            #expect(try await eventually { try await Self.servedRevision(client) == 2 })
        }
    }

    @Test func aStoreWithoutCatalogIsARunTimeErrorNotAStartUpError() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let empty = try CatalogStore(path: service.directory.appendingPathComponent("empty.sqlite").path, logger: TestService.logger)
        await #expect(throws: LiveCatalogError.noPublishedCatalog) { try await service.live.reload(from: empty) }
        #expect(service.live.served.revision == 1)
    }
}
