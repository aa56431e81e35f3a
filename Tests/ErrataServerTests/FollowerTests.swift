import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

/// `serve --follow`: a follower keeps its own database in step with a real primary on loopback.
@Suite struct FollowerTests {
    static let key = TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey")), locale: .english, field: .message)

    @Test func aPublishOnThePrimaryIsServedByTheFollowerWithTheSameRevisionNumbers() async throws {
        let primary = try await RunningPrimary(TestService())
        let follower = try await TestFollower(following: primary.url)
        try await follower.test { client in
            // An empty database: the whole catalog first, then the feed.
            #expect(try await eventually { try await client.servedRevision() == 1 })
            #expect(try await client.execute(uri: "/readyz", method: .get).status == .ok)
            let revision = try await primary.publish("Followed at once.")
            #expect(try await eventually { try await client.message(of: "NoSuchKey") == "Followed at once." })
            #expect(try await client.servedRevision() == .integer(Int64(revision)))
            // Recorded in the follower's own database as the primary published it.
            #expect(try await follower.store.revisions().map(\.number) == [revision, 1])
            #expect(try await follower.store.text(Self.key).number == revision)
            // The follower's own delta feed answers what the primary's does.
            let changes = try await client.execute(uri: "/v1/catalog/changes?since=1", method: .get).json()
            #expect(changes["changes"]?[0]?["text"] == "Followed at once.")
            #expect(changes["changes"]?[0]?["revision"] == .integer(Int64(revision)))
        }
        await primary.stop()
    }

    @Test func aFollowerBehindTheHistoryFloorTakesTheWholeCatalog() async throws {
        let service = try await TestService()
        // The follower holds revision 1; the primary then moves on and compacts it away.
        let first = try #require(try await service.store.publishedCatalog())
        for text in ["Two.", "Three."] {
            _ = try await service.edits.setText(
                Self.key, to: text, expected: .version(try await service.store.text(Self.key).number), publish: true, note: "test", by: TestService.root
            )
        }
        _ = try await service.store.compactHistory(keep: 1)
        try await service.live.reload(from: service.store)
        let primary = try await RunningPrimary(service)
        let follower = try await TestFollower(following: primary.url, holding: first)
        #expect(follower.live.served.revision == 1)
        try await follower.test { (client) async throws -> Void in
            #expect(try await eventually { try await client.message(of: "NoSuchKey") == "Three." })
            #expect(try await client.servedRevision() == 3)
            #expect(try await follower.store.revisions().map(\.number) == [3])
        }
        await primary.stop()
    }

    @Test func aFollowerKeepsServingWhileThePrimaryIsDownAndReportsIt() async throws {
        let primary = try await RunningPrimary(TestService())
        let follower = try await TestFollower(following: primary.url, maximumSilence: .milliseconds(500))
        try await follower.test { client in
            let revision = try await primary.publish("Before the outage.")
            #expect(try await eventually { try await client.servedRevision() == .integer(Int64(revision)) })
            await primary.stop()
            #expect(try await client.message(of: "NoSuchKey") == "Before the outage.")
            #expect(try await eventually {
                let metrics = try PrometheusText(String(buffer: try await client.execute(uri: "/metrics", method: .get).body))
                return metrics.value("errata_follower_failures_total") ?? 0 >= 1 && metrics.value("errata_follower_contact_age_seconds") ?? 0 > 0.5
            })
            let metrics = try PrometheusText(String(buffer: try await client.execute(uri: "/metrics", method: .get).body))
            #expect(metrics.value("errata_follower_lag_revisions") == 0)
            // Past the bound, the follower still serves but tells load balancers it is stale.
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .serviceUnavailable)
            #expect(try ready.json()["condition"] == "follower")
            #expect(try ready.json()["detail"]?.stringValue?.contains(primary.url.absoluteString) == true)
            #expect(try await client.message(of: "NoSuchKey") == "Before the outage.")
        }
    }

    @Test func aRecordedRevisionWhoseReloadFailedIsServedOnceReloadsWorkWithoutAnotherPublish() async throws {
        let service = try await TestService()
        let first = try #require(try await service.store.publishedCatalog())
        let primary = try await RunningPrimary(service)
        let follower = try await TestFollower(following: primary.url, holding: first)
        let database = try DatabaseQueue(path: follower.directory.appendingPathComponent("errata.sqlite").path)
        try await database.write { try $0.execute(sql: CatalogWatcherTests.breakReloads) }
        try await follower.test { client in
            let revision = try await primary.publish("Recorded, not served yet.")
            #expect(try await eventually { try await follower.store.currentRevision() == revision })
            #expect(try await client.servedRevision() == 1)
            try await database.write { db in
                try db.execute(sql: "DROP TRIGGER break_reloads")
                try db.execute(sql: "DELETE FROM textChange WHERE field = 'unreadable'")
            }
            #expect(try await eventually { try await client.message(of: "NoSuchKey") == "Recorded, not served yet." })
        }
        await primary.stop()
    }

    @Test func anEmptyFollowerWithoutItsPrimaryIsLiveButNotReady() async throws {
        let follower = try await TestFollower(following: URL(string: "http://127.0.0.1:1")!)
        try await follower.test { client in
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .serviceUnavailable)
            #expect(try ready.json()["detail"]?.stringValue?.contains("has not caught up with the primary http://127.0.0.1:1") == true)
            #expect(try await eventually {
                let metrics = try PrometheusText(String(buffer: try await client.execute(uri: "/metrics", method: .get).body))
                return metrics.value("errata_follower_contact_age_seconds") == -1 && metrics.value("errata_follower_failures_total") ?? 0 >= 1
            })
        }
    }

    @Test func aPrimaryThatRequiresReadTokensIsFollowedWithOne() async throws {
        let primary = try await RunningPrimary(TestService(configuration: .init(port: 0, requireReadToken: true)))
        // Without a token the primary answers 401: the follower stays empty and not ready.
        let refused = try await TestFollower(following: primary.url)
        try await refused.test { client in
            #expect(try await eventually {
                let metrics = try PrometheusText(String(buffer: try await client.execute(uri: "/metrics", method: .get).body))
                return metrics.value("errata_follower_failures_total") ?? 0 >= 1
            })
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .serviceUnavailable)
        }
        let token = try await primary.service.store.createToken(name: "follower", scope: .read)
        let follower = try await TestFollower(following: primary.url, accessToken: token)
        try await follower.test { client in
            #expect(try await eventually { try await client.servedRevision() == 1 })
            _ = try await primary.publish("Followed with a read token.")
            #expect(try await eventually { try await client.message(of: "NoSuchKey") == "Followed with a read token." })
        }
        await primary.stop()
    }

    @Test func adminCallsOnAFollowerNameThePrimary() async throws {
        let follower = try await TestFollower(following: URL(string: "http://errata-primary:8080")!)
        try await follower.test { client in
            let call = try await client.rpc(AdminRPCTests.call("admin.publish", #"{"note":"x"}"#), headers: AdminRPCTests.bearer("anything")).json()
            #expect(call["error"]?["code"] == -32021)
            #expect(call["error"]?["data"]?["reason"] == "ReadOnlyFollower")
            #expect(call["error"]?["data"]?["primary"] == "http://errata-primary:8080")
            let rest = try await client.execute(uri: "/v1/admin/session", method: .get)
            #expect(rest.status == .misdirectedRequest)
            #expect(rest.headers[.contentType] == "application/problem+json")
            #expect(try rest.json()["primary"] == "http://errata-primary:8080")
            #expect(try rest.json()["detail"]?.stringValue?.contains("send admin calls to the primary") == true)
        }
    }
}
