import ErrataCore
@testable import ErrataServer
import ErrataStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import ServiceLifecycle
import Testing

/// Token uses are noted in memory and written by ``TokenUseRecorder``, never by the request.
@Suite struct TokenUseRecorderTests {
    /// Makes every write of `token.lastUsedAt` fail, as SQLite would refuse it, until dropped.
    static let refuseTokenUse = """
        CREATE TRIGGER refuse_token_use BEFORE UPDATE OF lastUsedAt ON token
        BEGIN SELECT RAISE(ABORT, 'token uses are refused'); END
        """

    static func lastUsed(_ name: String, in store: CatalogStore) async throws -> Date? {
        try await store.tokens().first { $0.name == name }?.lastUsedAt
    }

    static func read(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

    @Test func aFailingUseWriteDoesNotFailTheRequest() async throws {
        let service = try await TestService(configuration: ServerConfiguration(port: 0, requireReadToken: true))
        let token = try await service.store.createToken(name: "reader", scope: .read)
        try await DatabaseQueue(path: service.databasePath).write { try $0.execute(sql: Self.refuseTokenUse) }
        try await service.test { client in
            let answer = try await client.execute(uri: "/v1/errors/NoSuchKey", method: .get, headers: Self.read(token))
            #expect(answer.status == .ok)
            let rpc = try await client.rpc(AdminRPCTests.call("errors.describe", #"{"code":"NoSuchKey"}"#), headers: Self.read(token)).json()
            #expect(rpc["result"]?["code"] == "NoSuchKey")
        }
    }

    @Test func usesAWriteRefusedAreWrittenByTheNextFlush() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "editor", scope: .edit)
        let access = AccessControl(store: service.store)
        let recorder = TokenUseRecorder(access: access, logger: TestService.logger)
        let database = try DatabaseQueue(path: service.databasePath)
        try await database.write { try $0.execute(sql: Self.refuseTokenUse) }

        _ = try await access.authorize(.edit, headers: Self.read(token), peer: "test")
        await recorder.flush()
        #expect(try await Self.lastUsed("editor", in: service.store) == nil)

        try await database.write { try $0.execute(sql: "DROP TRIGGER refuse_token_use") }
        await recorder.flush()
        #expect(try await Self.lastUsed("editor", in: service.store) != nil)
    }

    @Test func pendingUsesAreWrittenAtGracefulShutdown() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "editor", scope: .edit)
        let access = AccessControl(store: service.store)
        let recorder = TokenUseRecorder(access: access, interval: .seconds(3_600), logger: TestService.logger)
        let group = ServiceGroup(services: [recorder], logger: TestService.logger)
        async let running: Void = group.run()
        _ = try await access.authorize(.edit, headers: Self.read(token), peer: "test")
        await group.triggerGracefulShutdown()
        try await running
        #expect(try await Self.lastUsed("editor", in: service.store) != nil)
    }

    @Test func theApplicationWritesEveryTokensUseWhenItStops() async throws {
        let service = try await TestService(configuration: ServerConfiguration(port: 0, requireReadToken: true, tokenCacheLifetime: .seconds(3_600)))
        let first = try await service.store.createToken(name: "first", scope: .read)
        let second = try await service.store.createToken(name: "second", scope: .read)
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let app = buildApplication(configuration: service.configuration, store: service.store, live: service.live, logger: TestService.logger)
        try await app.test(.router) { (client) async throws in
            for token in [first, second] {
                #expect(try await client.execute(uri: "/v1/errors/NoSuchKey", method: .get, headers: Self.read(token)).status == .ok)
            }
        }
        // Only the first use of all would have been written by the request that found the write due.
        #expect(try await Self.lastUsed("first", in: service.store) != nil)
        #expect(try await Self.lastUsed("second", in: service.store) != nil)
    }
}
