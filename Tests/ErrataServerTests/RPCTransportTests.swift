import ErrataCore
import ErrataServer
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// How `POST /rpc` behaves as HTTP: statuses, limits and content types, on a real socket where it matters.
@Suite struct RPCTransportTests {
    static let describe = #"{"jsonrpc":"2.0","method":"errors.describe","params":{"code":"NoSuchKey"},"id":1}"#

    @Test func notificationsGetNoContent() async throws {
        try await TestService().test(.live) { client in
            let response = try await client.rpc(#"{"jsonrpc":"2.0","method":"errors.describe","params":{"code":"NoSuchKey"}}"#)
            #expect(response.status == .noContent)
            #expect(response.body.readableBytes == 0)
        }
    }

    @Test func oversizeBodiesAreRefusedWith413AndTheServerKeepsServing() async throws {
        var configuration = ServerConfiguration(port: 0, maximumBodySize: 64 * 1024)
        configuration.rpcLimits = .init(maximumBatchLength: 100, maximumDepth: 32)
        try await TestService(configuration: configuration).test(.live) { client in
            let huge = #"{"jsonrpc":"2.0","method":"errors.describe","params":{"code":""# + String(repeating: "A", count: 200_000) + #""},"id":1}"#
            let response = try await client.rpc(huge)
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentType] == "application/problem+json")
            // A new connection: the server may end this one when it answered before reading the whole body.
            let port = try #require(client.port)
            let next = try await RawHTTPConnection.exchange(
                port: port,
                head: "POST /rpc HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(Self.describe.utf8.count)\r\n\r\n\(Self.describe)"
            )
            #expect(next.hasPrefix("HTTP/1.1 200"), "\(next.prefix(200))")
            #expect(next.contains(#""code":"NoSuchKey""#))
        }
    }

    @Test func nonJSONContentTypesAreRefused() async throws {
        try await TestService().test { client in
            for contentType in ["text/plain", "application/x-www-form-urlencoded", "application/jsonx"] {
                let response = try await client.rpc(Self.describe, headers: [.contentType: contentType])
                #expect(response.status == .unsupportedMediaType)
                #expect(try response.json()["reason"] == "UnsupportedMediaType")
            }
            let withCharset = try await client.rpc(Self.describe, headers: [.contentType: "Application/JSON; charset=utf-8"])
            #expect(withCharset.status == .ok)
        }
    }

    @Test func batchLengthAndNestingAreLimited() async throws {
        try await TestService().test { client in
            let batch = "[" + Array(repeating: Self.describe, count: 101).joined(separator: ",") + "]"
            let tooLong = try await client.rpc(batch)
            #expect(tooLong.status == .ok)
            let answer = try tooLong.json()
            #expect(answer["error"]?["code"] == -32600)
            guard case .string(let detail) = answer["error"]?["data"]?["detail"] else { Issue.record("no detail"); return }
            #expect(detail.contains("100"))

            let full = try await client.rpc("[" + Array(repeating: Self.describe, count: 100).joined(separator: ",") + "]")
            guard case .array(let answers) = try full.json() else { Issue.record("not a batch answer"); return }
            #expect(answers.count == 100)

            let deep = #"{"jsonrpc":"2.0","method":"errors.describe","params":{"code":"NoSuchKey","params":"# + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "},\"id\":1}"
            #expect(try await client.rpc(deep).json()["error"]?["code"] == -32600)
        }
    }

    @Test func readsAreCacheableButRPCIsNot() async throws {
        try await TestService().test { client in
            let response = try await client.rpc(Self.describe)
            #expect(response.headers[.cacheControl] == "no-store")
        }
    }
}
