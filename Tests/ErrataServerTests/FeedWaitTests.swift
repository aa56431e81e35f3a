import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `wait` on the delta feed: a current caller is answered as soon as the next revision is published.
@Suite struct FeedWaitTests {
    static let key = TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey")), locale: .english, field: .message)

    func publish(_ service: TestService) async throws {
        _ = try await service.edits.setText(Self.key, to: "Published while you waited.", expected: .version(1), publish: true, note: "w", by: TestService.root)
    }

    @Test func aWaitingFeedRequestIsAnsweredByTheNextPublish() async throws {
        let service = try await TestService()
        try await service.test(.live) { client in
            async let answer = client.execute(uri: "/v1/catalog/changes?since=1&wait=30", method: .get)
            // The request is held: publish only once it waits, so an answer carrying the change proves the wait.
            #expect(try await eventually { service.live.waitingCount == 1 })
            try await publish(service)
            let response = try await answer
            #expect(response.status == .ok)
            let changes = try response.decode(CatalogChanges.self)
            #expect(changes.toRevision == 2 && changes.changes.map(\.text).contains("Published while you waited."))
            #expect(service.live.waitingCount == 0)
        }
    }

    @Test func aWaitingRPCCallIsAnsweredByTheNextPublish() async throws {
        let service = try await TestService()
        try await service.test(.live) { client in
            async let answer = client.rpc(#"{"jsonrpc":"2.0","method":"catalog.changes","params":{"since":1,"wait":30},"id":1}"#)
            #expect(try await eventually { service.live.waitingCount == 1 })
            try await publish(service)
            #expect(try await answer.json()["result"]?["toRevision"] == 2)
        }
    }

    @Test func withNothingPublishedTheWaitEndsWithNoChangesOr304() async throws {
        let service = try await TestService()
        try await service.test(.live) { client in
            try await client.execute(uri: "/v1/catalog/changes?since=1&wait=1", method: .get) { (response) throws in
                #expect(response.status == .ok)
                #expect(try response.decode(CatalogChanges.self).changes.isEmpty)
            }
            try await client.execute(uri: "/v1/catalog/changes?since=1&wait=1", method: .get, headers: [.ifNoneMatch: #""r1-since1""#]) { (response) throws in
                #expect(response.status == .notModified)
            }
            #expect(service.live.waitingCount == 0)
        }
    }

    @Test func aCallerBehindIsAnsweredAtOnceAndWaitsAreBounded() async throws {
        let service = try await TestService()
        try await publish(service)
        try await service.test(.router) { client in
            // Since 1 with revision 2 served: the changes exist, nothing to wait for.
            try await client.execute(uri: "/v1/catalog/changes?since=1&wait=30", method: .get) { (response) throws in
                #expect(try response.decode(CatalogChanges.self).toRevision == 2)
            }
            for wait in ["31", "-1", "x"] {
                try await client.execute(uri: "/v1/catalog/changes?since=2&wait=\(wait)", method: .get) { (response) throws in
                    #expect(response.status == .badRequest, "\(wait)")
                }
            }
            let rpc = try await client.rpc(#"{"jsonrpc":"2.0","method":"catalog.changes","params":{"since":2,"wait":31},"id":1}"#).json()
            #expect(rpc["error"]?["code"] == -32602 && rpc["error"]?["data"]?["field"] == "wait")
        }
    }

    @Test func aCancelledWaitEndsAndLeavesNoWaiterBehind() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let waiting = Task { await service.live.served(newerThan: 1, waitingAtMost: .seconds(3_600)) }
        #expect(try await eventually { service.live.waitingCount == 1 })
        waiting.cancel()
        #expect(await waiting.value.revision == 1)
        #expect(service.live.waitingCount == 0)
    }
}
