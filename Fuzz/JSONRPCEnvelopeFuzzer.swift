// libFuzzer target: the JSON-RPC 2.0 envelope decoder (`JSONRPCPayload.decode`) and the
// response writer (`JSONRPCResponse.body`).
//
// Compiled into one module together with every Sources/ErrataCore file (see Fuzz/run.sh).
// The input bytes are an HTTP request body. It is decoded with the default limits and with
// tight ones (batch ≤ 2, depth ≤ 3), so the limit paths are reached with short inputs.
//
// Checked:
// - decode never crashes; a whole-body error is -32700 exactly when the bytes are not JSON (and
//   nesting is within the limit) and -32600 otherwise, with the matching `data.reason`;
// - `JSONNestingScanner` agrees exactly with the real nesting depth of every body that parses;
// - single vs batch follows the top-level JSON type; a batch has 1...maximumBatchLength calls,
//   one per array element, in order;
// - each call agrees with an independent reading of the JSON-RPC 2.0 request rules; every
//   per-call error is -32600 / InvalidRequest, answered under the call's valid id or null;
// - the response body a server would write (as `RPCDispatcher` does: errors for invalid calls,
//   a result or a method-not-found error for valid ones, nothing for notifications) is valid JSON
//   that `JSONDecoder` reads into `JSONValue`, with one response per answered call, `"jsonrpc":"2.0"`,
//   the id echoed exactly, and the error or result written intact.

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONRPCEnvelope(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let body = Data(UnsafeRawBufferPointer(start: start, count: count))
    let parsed = try? JSONDecoder().decode(JSONValue.self, from: body)
    if let parsed {
        let depth = nestingDepth(parsed)
        for limit in [0, 1, 3, 32, depth - 1, depth, depth + 1] where limit >= 0 {
            let scanned = JSONNestingScanner.depthExceeding(limit, in: body)
            precondition(scanned == (depth > limit ? limit + 1 : nil),
                         "scanner says \(String(describing: scanned)) for limit \(limit), real depth \(depth)")
        }
    }
    check(body, parsed: parsed, limits: .init())
    check(body, parsed: parsed, limits: .init(maximumBatchLength: 2, maximumDepth: 3))
    return 0
}

private func check(_ body: Data, parsed: JSONValue?, limits: JSONRPCPayload.Limits) {
    let outcome = JSONRPCPayload.decode(body, limits: limits)
    let tooDeep = JSONNestingScanner.depthExceeding(limits.maximumDepth, in: body) != nil
    var responses: [JSONRPCResponse] = []
    var expected: [JSONValue] = []
    var asBatch = false

    switch outcome {
    case .failure(let error):
        precondition([-32700, -32600].contains(error.code), "whole-body error code \(error.code)")
        if tooDeep {
            precondition(error.code == -32600 && error.reason == "InvalidRequest", "deep body answered \(error)")
        } else if let parsed {
            precondition(error.code == -32600 && error.reason == "InvalidRequest", "JSON body answered \(error)")
            guard case .array(let elements) = parsed else { preconditionFailure("a non-array body failed as a whole: \(error)") }
            precondition(elements.isEmpty || elements.count > limits.maximumBatchLength, "batch of \(elements.count) refused")
        } else {
            precondition(error.code == -32700 && error.reason == "ParseError", "non-JSON body answered \(error)")
        }
        responses = [JSONRPCResponse(id: .null, outcome: .error(error))]
        expected = [expectedResponse(id: .null, error: error)]

    case .success(let payload):
        precondition(!tooDeep, "a body nested deeper than \(limits.maximumDepth) was accepted")
        guard let parsed else { preconditionFailure("decode accepted bytes that JSONDecoder refuses") }
        let calls: [Result<JSONRPCRequest, JSONRPCInvalidCall>]
        let values: [JSONValue]
        switch payload {
        case .single(let call):
            if case .array = parsed { preconditionFailure("an array body decoded as a single call") }
            calls = [call]
            values = [parsed]
        case .batch(let batch):
            guard case .array(let elements) = parsed else { preconditionFailure("a non-array body decoded as a batch") }
            precondition((1...limits.maximumBatchLength).contains(batch.count), "batch of \(batch.count) accepted")
            precondition(batch.count == elements.count, "\(elements.count) elements gave \(batch.count) calls")
            calls = batch
            values = elements
            asBatch = true
        }
        for (index, (call, value)) in zip(calls, values).enumerated() {
            checkCall(call, against: value)
            switch call {
            case .failure(let invalid):
                responses.append(JSONRPCResponse(id: invalid.id, outcome: .error(invalid.error)))
                expected.append(expectedResponse(id: invalid.id, error: invalid.error))
            case .success(let request):
                guard let id = request.id else { continue }  // a notification gets no response
                if index % 2 == 0 {
                    let error = JSONRPCErrorObject.methodNotFound(String(request.method.prefix(128)))
                    responses.append(JSONRPCResponse(id: id, outcome: .error(error)))
                    expected.append(expectedResponse(id: id, error: error))
                } else {
                    // Echo the params (or the method name) as an already-encoded result.
                    let result = request.params ?? .string(request.method)
                    guard let encoded = try? JSONEncoder().encode(result) else { continue }
                    responses.append(JSONRPCResponse(id: id, outcome: .result(encoded)))
                    expected.append(normalized(["jsonrpc": "2.0", "id": idValue(id), "result": result]))
                }
            }
        }
    }
    guard !responses.isEmpty else { return }  // only notifications: no body at all

    let written = JSONRPCResponse.body(responses, asBatch: asBatch)
    let reread: JSONValue
    do {
        reread = try JSONDecoder().decode(JSONValue.self, from: written)
    } catch {
        preconditionFailure("response body is not valid JSON (\(error)): \(String(decoding: written.prefix(500), as: UTF8.self))")
    }
    if asBatch {
        guard case .array(let elements) = reread else { preconditionFailure("batch response is not an array") }
        precondition(elements.map(normalized) == expected, "batch response differs: \(String(decoding: written.prefix(500), as: UTF8.self))")
    } else {
        precondition(expected.count == 1 && normalized(reread) == expected[0],
                     "response differs: \(String(decoding: written.prefix(500), as: UTF8.self))")
    }
}

/// Checks one call against the JSON-RPC 2.0 rules, read independently of `JSONRPCRequest.validate`.
private func checkCall(_ call: Result<JSONRPCRequest, JSONRPCInvalidCall>, against value: JSONValue) {
    guard case .object(let members) = value else {
        guard case .failure(let invalid) = call else { preconditionFailure("non-object \(value.typeName) accepted as a call") }
        precondition(invalid.id == .null && invalid.error.code == -32600 && invalid.error.reason == "InvalidRequest")
        return
    }
    // The id to answer under: the element's own when valid, else null.
    var answerID = JSONRPCID.null
    var idValid = true
    switch members["id"] {
    case nil, .null?: break
    case .string(let string)?: answerID = .string(string)
    case .integer(let number)?: answerID = .number(number)
    default: idValid = false
    }
    let methodValid = if case .string = members["method"] { true } else { false }
    let paramsValid: Bool = switch members["params"] {
    case nil, .null?, .array?, .object?: true
    default: false
    }
    let valid = idValid && members["jsonrpc"] == .string("2.0") && methodValid && paramsValid
    switch call {
    case .failure(let invalid):
        precondition(!valid, "a valid call was refused: \(invalid.error)")
        precondition(invalid.error.code == -32600 && invalid.error.reason == "InvalidRequest", "per-call error \(invalid.error)")
        precondition(invalid.id == (idValid ? answerID : .null), "answered under \(invalid.id)")
    case .success(let request):
        precondition(valid, "an invalid call was accepted: \(members)")
        guard case .string(let method) = members["method"] else { preconditionFailure() }
        precondition(request.method == method, "method changed")
        precondition(request.id == (members["id"] == nil ? nil : answerID), "id changed: \(String(describing: request.id))")
        let params: JSONValue? = if case .null? = members["params"] { nil } else { members["params"] }
        precondition(request.params == params, "params changed")
        precondition(request.isNotification == (members["id"] == nil))
    }
}

private func expectedResponse(id: JSONRPCID, error: JSONRPCErrorObject) -> JSONValue {
    var object: [String: JSONValue] = ["code": .integer(Int64(error.code)), "message": .string(error.message)]
    if let data = error.data { object["data"] = normalized(data) }
    return normalized(["jsonrpc": "2.0", "id": idValue(id), "error": .object(object)])
}

private func idValue(_ id: JSONRPCID) -> JSONValue {
    switch id {
    case .string(let string): .string(string)
    case .number(let number): .integer(number)
    case .null: .null
    }
}

/// Numbers compared by value: JSON does not tell `1` from `1.0`, so neither does the check.
private func normalized(_ value: JSONValue) -> JSONValue {
    switch value {
    case .integer(let number): .double(Double(number))
    case .array(let elements): .array(elements.map(normalized))
    case .object(let members): .object(members.mapValues(normalized))
    default: value
    }
}

private func nestingDepth(_ value: JSONValue) -> Int {
    switch value {
    case .array(let elements): 1 + (elements.map(nestingDepth).max() ?? 0)
    case .object(let members): 1 + (members.values.map(nestingDepth).max() ?? 0)
    default: 0
    }
}
