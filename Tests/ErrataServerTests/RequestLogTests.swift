import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// The request log, request ids and audit lines, captured through the JSON log handler at trace level.
@Suite struct RequestLogTests {
    /// Every line a logger wrote, parsed: each must be one JSON object.
    final class CapturedLog: Sendable {
        private let lines = Locked<[String]>([])

        var logger: Logger {
            var logger = Logger(label: "errata-test") { label in
                JSONLogHandler(label: label) { data in self.lines.withLock { $0.append(String(decoding: data, as: UTF8.self)) } }
            }
            logger.logLevel = .trace
            return logger
        }

        var text: String { lines.withLock { $0.joined() } }

        func entries() throws -> [JSONValue] {
            try lines.withLock { $0 }.map { line in
                #expect(line.hasSuffix("\n") && line.dropLast().firstIndex(of: "\n") == nil)
                return try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
            }
        }

        /// The lines with `message` whose metadata has `key` equal to `value`.
        func entries(_ message: String, where key: String, is value: String) throws -> [JSONValue] {
            try entries().filter { $0["message"] == .string(message) && $0["metadata"]?[key] == .string(value) }
        }
    }

    @Test func oneLinePerRequestWithTheRouteAndAnEchoedID() async throws {
        let service = try await TestService()
        let log = CapturedLog()
        try await service.test(.live, logger: log.logger) { client in
            try await client.execute(uri: "/v1/errors/NoSuchKey?locale=fr", method: .get, headers: [.requestID: "trace-42"]) { (response) throws in
                #expect(response.status == .ok)
                #expect(response.headers[.requestID] == "trace-42")
            }
            let request = try #require(try log.entries("Request", where: "hb.request.id", is: "trace-42").only)
            #expect(request["level"] == "info")
            #expect(request["metadata"]?["http.method"] == "GET")
            #expect(request["metadata"]?["http.route"] == "/v1/errors/{code}")
            #expect(request["metadata"]?["http.status"] == "200")
            #expect(request["metadata"]?["http.response_bytes"] != nil)
            #expect(request["metadata"]?["duration_ms"] != nil)
            #expect(!log.text.contains("NoSuchKey"))
        }
    }

    @Test(arguments: [nil, "", "has space", "tab\there", "naïve", String(repeating: "x", count: 129)])
    func anUnusableRequestIDIsReplacedByAGeneratedOne(sent: String?) async throws {
        let service = try await TestService()
        let log = CapturedLog()
        try await service.test(.live, logger: log.logger) { client in
            var headers: HTTPFields = [:]
            if let sent { headers[.requestID] = sent }
            try await client.execute(uri: "/nowhere", method: .get, headers: headers) { (response) throws in
                #expect(response.status == .notFound)
                let id = try #require(response.headers[.requestID])
                #expect(!id.isEmpty && id != sent)
                let line = try #require(try log.entries("Request", where: "hb.request.id", is: id).only)
                #expect(line["metadata"]?["http.route"] == "NotFound")
                #expect(line["metadata"]?["http.status"] == "404")
            }
        }
    }

    @Test func noTokenOrRequestBodyReachesTheLogButAuditLinesDo() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "console", scope: .admin)
        let marker = "MARKER-4f1d9c-body"
        let wrongToken = "errata_not-a-real-token-7b2e"
        let log = CapturedLog()
        try await service.test(.live, logger: log.logger) { client in
            let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            let edit = ByteBuffer(string: #"{"text":"\#(marker) remediation."}"#)
            try await client.execute(
                uri: AdminRESTTests.textPath, method: .put, headers: auth + [.ifMatch: "*", .requestID: "edit-1"], body: edit
            ) { (response) throws in #expect(response.status == .ok) }
            try await client.execute(
                uri: "/v1/admin/publish", method: .post, headers: auth + [.requestID: "publish-1"], body: ByteBuffer(string: #"{"note":"audited"}"#)
            ) { (response) throws in #expect(response.status == .ok) }
            let rpc = #"{"jsonrpc":"2.0","id":"\#(marker)","method":"admin.addLocale","params":{"tag":"sv","name":"\#(marker)"}}"#
            try await client.execute(uri: "/rpc", method: .post, headers: auth + [.requestID: "rpc-1"], body: ByteBuffer(string: rpc)) { (response) throws in
                #expect(response.status == .ok)
            }
            try await client.execute(
                uri: "/v1/admin/draft", method: .get, headers: [.authorization: "Bearer \(wrongToken)", .requestID: "denied-1"]
            ) { (response) throws in #expect(response.status == .unauthorized) }
        }
        let text = log.text
        #expect(!text.contains(token))
        #expect(!text.contains(marker))
        #expect(!text.contains(wrongToken))

        for id in ["edit-1", "publish-1", "rpc-1", "denied-1"] {
            #expect(try log.entries("Request", where: "hb.request.id", is: id).count == 1, "no request line for \(id)")
        }
        let published = try #require(try log.entries("Published", where: "hb.request.id", is: "publish-1").only)
        #expect(published["level"] == "notice")
        #expect(published["metadata"]?["audit.token"] == "console")
        #expect(published["metadata"]?["audit.scope"] == "admin")
        #expect(published["metadata"]?["audit.note"] == "audited")
        let added = try #require(try log.entries("Added locale", where: "hb.request.id", is: "rpc-1").only)
        #expect(added["metadata"]?["locale"] == "sv")
        #expect(added["metadata"]?["audit.token"] == "console")
    }
}

extension Collection {
    /// The one element, or `nil` when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}

extension HTTPFields {
    static func + (lhs: HTTPFields, rhs: HTTPFields) -> HTTPFields {
        var fields = lhs
        fields.append(contentsOf: rhs)
        return fields
    }
}
