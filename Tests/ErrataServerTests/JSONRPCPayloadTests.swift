import ErrataCore
import ErrataServer
import Foundation
import NIOFoundationCompat
import Testing

@Suite struct JSONRPCPayloadTests {
    func decode(_ json: String, limits: JSONRPCPayload.Limits = .init()) -> Result<JSONRPCPayload, JSONRPCErrorObject> {
        JSONRPCPayload.decode(Data(json.utf8), limits: limits)
    }

    func single(_ json: String) throws -> Result<JSONRPCRequest, JSONRPCInvalidCall> {
        guard case .success(.single(let call)) = decode(json) else {
            Issue.record("expected a single call")
            throw CancellationError()
        }
        return call
    }

    @Test func decodesACall() throws {
        let call = try single(#"{"jsonrpc":"2.0","method":"m","params":{"a":1},"id":"x"}"#)
        #expect(try call.get() == JSONRPCRequest(method: "m", params: ["a": 1], id: .string("x")))
    }

    @Test func absentIdIsANotificationButNullIdIsNot() throws {
        #expect(try single(#"{"jsonrpc":"2.0","method":"m"}"#).get().isNotification)
        #expect(try single(#"{"jsonrpc":"2.0","method":"m","id":null}"#).get().id == .null)
    }

    @Test func nullParamsCountAsAbsent() throws {
        #expect(try single(#"{"jsonrpc":"2.0","method":"m","params":null,"id":1}"#).get().params == nil)
    }

    @Test(arguments: [
        (#"{"jsonrpc":"2.0","method":"m","id":1.5}"#, JSONRPCID.null),
        (#"{"jsonrpc":"2.0","method":"m","id":[1]}"#, .null),
        (#"{"jsonrpc":"2.0","method":"m","id":{"a":1}}"#, .null),
        (#"{"jsonrpc":"2.0","method":"m","id":true}"#, .null),
        (#"{"method":"m","id":1}"#, .number(1)),
        (#"{"jsonrpc":"1.0","method":"m","id":"a"}"#, .string("a")),
        (#"{"jsonrpc":2.0,"method":"m","id":1}"#, .number(1)),
        (#"{"jsonrpc":"2.0","method":7,"id":1}"#, .number(1)),
        (#"{"jsonrpc":"2.0","id":1}"#, .number(1)),
        (#"{"jsonrpc":"2.0","method":"m","params":"x","id":1}"#, .number(1)),
        (#"{"jsonrpc":"2.0","method":"m","params":3,"id":1}"#, .number(1)),
        ("42", .null),
        (#""text""#, .null),
    ])
    func rejectsInvalidRequests(json: String, answerID: JSONRPCID) throws {
        guard case .failure(let invalid) = try single(json) else {
            Issue.record("expected an invalid request")
            return
        }
        #expect(invalid.error.code == -32600)
        #expect(invalid.id == answerID)
    }

    @Test(arguments: ["", "{", #"{"jsonrpc":"2.0","method":"foobar, "params": "bar", "baz]"#, "nul", "[1,]]"])
    func reportsParseErrors(json: String) {
        guard case .failure(let error) = decode(json) else {
            Issue.record("expected a parse error")
            return
        }
        #expect(error.code == -32700)
    }

    @Test func rejectsEmptyAndOversizeBatches() {
        guard case .failure(let empty) = decode("[]") else { Issue.record("expected failure"); return }
        #expect(empty.code == -32600)
        let batch = "[" + Array(repeating: #"{"jsonrpc":"2.0","method":"m","id":1}"#, count: 11).joined(separator: ",") + "]"
        guard case .failure(let oversize) = decode(batch, limits: .init(maximumBatchLength: 10)) else {
            Issue.record("expected failure"); return
        }
        #expect(oversize.code == -32600)
        guard case .object(let data) = oversize.data, case .string(let detail) = data["detail"] else {
            Issue.record("expected a detail"); return
        }
        #expect(detail.contains("10"))
    }

    @Test func rejectsDeepNestingBeforeParsing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        guard case .failure(let error) = decode(deep) else { Issue.record("expected failure"); return }
        #expect(error.code == -32600)
        let bracketsInStrings = #"{"jsonrpc":"2.0","method":"m","params":{"s":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["},"id":1}"#
        #expect(throws: Never.self) { try single(bracketsInStrings).get() }
    }

    @Test func writesResponses() {
        let body = JSONRPCResponse.body(
            [
                JSONRPCResponse(id: .number(1), outcome: .result(Data("19".utf8))),
                JSONRPCResponse(id: .string("a\"b"), outcome: .error(.methodNotFound("x"))),
            ],
            asBatch: true
        )
        let decoded = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: body))
        #expect(decoded == [
            ["jsonrpc": "2.0", "result": 19, "id": 1],
            ["jsonrpc": "2.0", "error": ["code": -32601, "message": "Method not found", "data": ["reason": "MethodNotFound", "method": "x"]], "id": "a\"b"],
        ])
    }
}
