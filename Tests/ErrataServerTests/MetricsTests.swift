import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `GET /metrics` on a live server: the metrics move with the matching activity and parse as Prometheus text.
@Suite struct MetricsTests {
    static func call(_ method: String, _ params: String = "{}") -> String {
        #"{"jsonrpc":"2.0","method":"\#(method)","params":\#(params),"id":1}"#
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

    @Test func aPublishIsCountedTimedAndServed() async throws {
        // No watcher check during the test: one racing the publish's own refresh may build the catalog too.
        let service = try await TestService(configuration: ServerConfiguration(port: 0, catalogCheckInterval: .seconds(3_600)))
        let token = try await service.store.createToken(name: "alice", scope: .publish)
        try await service.test(.live) { client in
            let before = try await Self.metrics(client)
            #expect(before.value("errata_publishes_total") == 0)
            #expect(before.value("errata_served_revision") == 1)
            let edit = Self.call("admin.setText", #"{"code":"NoSuchKey","locale":"en","field":"remediation","text":"List the bucket.","expectedVersion":1}"#)
            #expect(try await client.rpc(edit, headers: Self.bearer(token)).json()["result"] != nil)
            let published = try await client.rpc(Self.call("admin.publish", #"{"note":"metrics"}"#), headers: Self.bearer(token)).json()
            #expect(published["result"]?["revision"] == 2)

            let after = try await Self.metrics(client)
            #expect(after.value("errata_publishes_total") == 1)
            #expect(after.value("errata_publish_duration_seconds_count") == 1)
            #expect(after.value("errata_catalog_build_duration_seconds_count") == 1)
            #expect(after.value("errata_served_revision") == 2)
        }
    }

    @Test func aRevisionPublishedElsewhereIsTimedAsACatalogBuildNotCountedAsAPublish() async throws {
        let service = try await TestService(configuration: ServerConfiguration(port: 0, catalogCheckInterval: .milliseconds(50)))
        let elsewhere = try CatalogStore(path: service.databasePath, logger: TestService.logger)
        try await service.test(.live) { client in
            let revision = try await CatalogWatcherTests.publish("Published elsewhere.", through: elsewhere)
            #expect(try await eventually { try await Self.metrics(client).value("errata_served_revision") == Double(revision) })
            let metrics = try await Self.metrics(client)
            #expect(metrics.value("errata_catalog_build_duration_seconds_count") == 1)
            #expect(metrics.value("errata_publishes_total") == 0)
        }
    }

    @Test func notModifiedAnswersAreCountedBesideTheRequests() async throws {
        try await TestService().test(.live) { client in
            try await client.execute(uri: "/v1/errors/NoSuchKey", method: .get, headers: [.ifNoneMatch: "\"r1-en\""]) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/v1/errors/NoSuchKey", method: .get) { response in
                #expect(response.status == .ok)
            }
            let metrics = try await Self.metrics(client)
            #expect(metrics.value("errata_http_not_modified_total") == 1)
            let route = ["route": "/v1/errors/{code}", "method": "GET"]
            #expect(metrics.value("errata_http_requests_total", route.merging(["status": "304"]) { $1 }) == 1)
            #expect(metrics.value("errata_http_requests_total", route.merging(["status": "200"]) { $1 }) == 1)
            #expect(metrics.value("errata_http_request_duration_seconds_count", route) == 2)
        }
    }

    @Test func rpcCallsCountUnderTheirMethodAndUnknownOnesUnderOneLabel() async throws {
        try await TestService().test(.live) { client in
            _ = try await client.rpc(Self.call("errors.describe", #"{"code":"NoSuchKey"}"#))
            _ = try await client.rpc("[\(Self.call("no.such.method")),\(Self.call("another.invented.one"))]")
            let metrics = try await Self.metrics(client)
            #expect(metrics.value("errata_rpc_calls_total", ["method": "errors.describe"]) == 1)
            #expect(metrics.value("errata_rpc_call_duration_seconds_count", ["method": "errors.describe"]) == 1)
            #expect(metrics.value("errata_rpc_calls_total", ["method": ServerMetrics.unknownRPCMethod]) == 2)
            #expect(metrics.samples(named: "errata_rpc_calls_total").allSatisfy { !$0.labels["method", default: ""].contains("invent") })
        }
    }

    /// The dispatcher makes each method's meters when it starts, so that no call looks them up in the registry.
    @Test func everyRPCMethodIsCountedFromZeroBeforeItsFirstCall() async throws {
        try await TestService().test(.live) { client in
            let metrics = try await Self.metrics(client)
            for method in ["errors.describe", "admin.publish", "rpc.discover", ServerMetrics.unknownRPCMethod] {
                #expect(metrics.value("errata_rpc_calls_total", ["method": method]) == 0, "\(method)")
                #expect(metrics.value("errata_rpc_call_duration_seconds_count", ["method": method]) == 0, "\(method)")
            }
        }
    }

    @Test func authFailuresAndThrottledRequestsAreCounted() async throws {
        try await TestService().test(.live) { client in
            for _ in 0..<11 {
                _ = try await client.rpc(Self.call("admin.draft"), headers: Self.bearer("errata_wrong"))
            }
            let metrics = try await Self.metrics(client)
            #expect(metrics.value("errata_auth_failures_total") == 10)
            #expect(metrics.value("errata_auth_throttled_total") == 1)
        }
    }

    @Test func everyMetricIsErrataNamedWithHelpAndAType() async throws {
        try await TestService().test(.live) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
                #expect(response.headers[.cacheControl] == "no-store")
            }
            let metrics = try await Self.metrics(client)
            #expect(!metrics.types.isEmpty)
            for (family, type) in metrics.types {
                #expect(family.hasPrefix("errata_"))
                #expect(["counter", "gauge", "histogram"].contains(type))
                #expect(!(metrics.help[family] ?? "").isEmpty, "\(family) has no # HELP")
            }
        }
    }

    @Test func metricsArePublicWhenReadsNeedAToken() async throws {
        try await TestService(configuration: .init(port: 0, requireReadToken: true)).test(.live) { client in
            try await client.execute(uri: "/v1/errors/NoSuchKey", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            #expect(try await Self.metrics(client).value("errata_served_revision") == 1)
        }
    }

    /// Fetches and parses `GET /metrics`.
    static func metrics(_ client: any TestClientProtocol) async throws -> PrometheusText {
        let response = try await client.execute(uri: "/metrics", method: .get)
        #expect(response.status == .ok)
        return try PrometheusText(String(buffer: response.body))
    }
}
