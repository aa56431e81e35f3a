import ErrataCore
import ErrataServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Every example of section 7 of the JSON-RPC 2.0 specification, over HTTP, with the
/// specification's own example methods registered on a dispatcher.
@Suite struct JSONRPCSpecificationTests {
    static let methods: [RPCMethod] = [
        RPCMethod("subtract", parameters: ["minuend", "subtrahend"]) { call in
            let params = try call.input()
            let minuend = try params.integer("minuend", required: true)!
            let subtrahend = try params.integer("subtrahend", required: true)!
            return Data(String(minuend - subtrahend).utf8)
        },
        RPCMethod("sum", parameters: ["a", "b", "c"]) { call in
            let params = try call.input()
            let total = try ["a", "b", "c"].reduce(0) { $0 + (try params.integer($1) ?? 0) }
            return Data(String(total).utf8)
        },
        RPCMethod("update", parameters: ["a", "b", "c", "d", "e"]) { _ in Data("null".utf8) },
        RPCMethod("notify_hello", parameters: ["value"]) { _ in Data("null".utf8) },
        RPCMethod("notify_sum", parameters: ["a", "b", "c"]) { _ in Data("null".utf8) },
        RPCMethod("get_data") { _ in Data(#"["hello",5]"#.utf8) },
    ]

    func exchange(_ request: String) async throws -> (status: Int, body: JSONValue?) {
        let router = Router(context: ErrataRequestContext.self)
        router.addRoutes(RPCController(dispatcher: RPCDispatcher(methods: Self.methods), maximumBodySize: 1 << 20).endpoints, atPath: "/rpc")
        return try await Application(router: router).test(.router) { client in
            let response = try await client.rpc(request)
            return (Int(response.status.code), response.body.readableBytes == 0 ? nil : try response.json().withoutErrorData)
        }
    }

    func expect(_ request: String, answers expected: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let (status, body) = try await exchange(request)
        #expect(status == 200, sourceLocation: sourceLocation)
        #expect(body == (try JSONDecoder().decode(JSONValue.self, from: Data(expected.utf8))), sourceLocation: sourceLocation)
    }

    func expectNoAnswer(_ request: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let (status, body) = try await exchange(request)
        #expect(status == 204, sourceLocation: sourceLocation)
        #expect(body == nil, sourceLocation: sourceLocation)
    }

    @Test func positionalParameters() async throws {
        try await expect(#"{"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 1}"#, answers: #"{"jsonrpc": "2.0", "result": 19, "id": 1}"#)
        try await expect(#"{"jsonrpc": "2.0", "method": "subtract", "params": [23, 42], "id": 2}"#, answers: #"{"jsonrpc": "2.0", "result": -19, "id": 2}"#)
    }

    @Test func namedParameters() async throws {
        try await expect(#"{"jsonrpc": "2.0", "method": "subtract", "params": {"subtrahend": 23, "minuend": 42}, "id": 3}"#, answers: #"{"jsonrpc": "2.0", "result": 19, "id": 3}"#)
        try await expect(#"{"jsonrpc": "2.0", "method": "subtract", "params": {"minuend": 42, "subtrahend": 23}, "id": 4}"#, answers: #"{"jsonrpc": "2.0", "result": 19, "id": 4}"#)
    }

    @Test func notifications() async throws {
        try await expectNoAnswer(#"{"jsonrpc": "2.0", "method": "update", "params": [1,2,3,4,5]}"#)
        try await expectNoAnswer(#"{"jsonrpc": "2.0", "method": "foobar"}"#)
    }

    @Test func nonExistentMethod() async throws {
        try await expect(#"{"jsonrpc": "2.0", "method": "foobar", "id": "1"}"#, answers: #"{"jsonrpc": "2.0", "error": {"code": -32601, "message": "Method not found"}, "id": "1"}"#)
    }

    @Test func invalidJSON() async throws {
        try await expect(#"{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]"#, answers: #"{"jsonrpc": "2.0", "error": {"code": -32700, "message": "Parse error"}, "id": null}"#)
    }

    @Test func invalidRequestObject() async throws {
        try await expect(#"{"jsonrpc": "2.0", "method": 1, "params": "bar"}"#, answers: #"{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}"#)
    }

    @Test func batchWithInvalidJSON() async throws {
        try await expect(
            #"[{"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"}, {"jsonrpc": "2.0", "method"]"#,
            answers: #"{"jsonrpc": "2.0", "error": {"code": -32700, "message": "Parse error"}, "id": null}"#
        )
    }

    @Test func emptyBatch() async throws {
        try await expect("[]", answers: #"{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}"#)
    }

    @Test func invalidBatchOfOne() async throws {
        try await expect("[1]", answers: #"[{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}]"#)
    }

    @Test func invalidBatch() async throws {
        let invalid = #"{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}"#
        try await expect("[1,2,3]", answers: "[\(invalid),\(invalid),\(invalid)]")
    }

    @Test func mixedBatch() async throws {
        try await expect(
            """
            [
                {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},
                {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]},
                {"jsonrpc": "2.0", "method": "subtract", "params": [42,23], "id": "2"},
                {"foo": "boo"},
                {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},
                {"jsonrpc": "2.0", "method": "get_data", "id": "9"}
            ]
            """,
            answers: """
                [
                    {"jsonrpc": "2.0", "result": 7, "id": "1"},
                    {"jsonrpc": "2.0", "result": 19, "id": "2"},
                    {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null},
                    {"jsonrpc": "2.0", "error": {"code": -32601, "message": "Method not found"}, "id": "5"},
                    {"jsonrpc": "2.0", "result": ["hello", 5], "id": "9"}
                ]
                """
        )
    }

    @Test func batchOfNotifications() async throws {
        try await expectNoAnswer(#"[{"jsonrpc": "2.0", "method": "notify_sum", "params": [1,2,4]}, {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}]"#)
    }
}
