// libFuzzer target: the JSON-RPC 2.0 envelope decoder (`JSONRPCPayload.decode`, with its
// `StrictJSONParser`) and the response writer (`JSONRPCResponse.body`).
//
// Compiled into one module together with every Sources/ErrataCore file and Sources/ErrataServer/JSONRPC/ (see Fuzz/run.sh).
// The input bytes are an HTTP request body. It is decoded with the default limits and with
// tight ones (batch ≤ 2, depth ≤ 3), so the limit paths are reached with short inputs.
//
// Checked:
// - decode never crashes; a whole-body error is -32600 / InvalidRequest for nesting past the limit
//   and for an empty or oversize batch, and -32700 / ParseError for everything else refused;
// - strictness: a body decode lets through never starts with a byte order mark, holds no NUL, no
//   trailing comma and no object naming a member twice, and nests within the limit; this is judged by
//   an independent structural reader of the bytes (below), which also must agree with
//   `StrictJSONParser` on the first violation and on the exact nesting depth whenever it can read
//   the body's structure and the parser found no token-level (syntax) error first;
// - the parser agrees with Foundation's `JSONDecoder`: what it accepts, JSONDecoder accepts with the
//   same value (numbers compared by value), and what JSONDecoder accepts it refuses only for a
//   strictness violation, never a syntax error;
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
    let structure = StructureReader.read(body)
    checkParser(body, parsed: parsed, structure: structure)
    check(body, parsed: parsed, structure: structure, limits: .init())
    check(body, parsed: parsed, structure: structure, limits: .init(maximumBatchLength: 2, maximumDepth: 3))
    return 0
}

/// `StrictJSONParser` against the structural reader and against `JSONDecoder`.
private func checkParser(_ body: Data, parsed: JSONValue?, structure: StructureReader.Result) {
    let unlimited = StrictJSONParser.parse(body, maximumDepth: .max)
    switch (unlimited, parsed) {
    case (.success(let value), let foundation?):
        require(normalized(value) == normalized(foundation), "parser read \(value), JSONDecoder \(foundation)")
    case (.success, nil):
        fatalError("the parser accepted bytes that JSONDecoder refuses")
    case (.failure(.syntax(let problem, let offset)), _?):
        fatalError("the parser refused JSON that JSONDecoder reads: \(problem) at \(offset)")
    default:
        break
    }
    guard structure.complete else { return }
    if case .failure(.syntax) = unlimited { return }
    let expected: StrictJSONParser.Violation? = switch structure.firstViolation {
    case .byteOrderMark?: .byteOrderMark
    case .nul?: .notUTF8
    case .trailingComma(let offset)?: .trailingComma(offset: offset)
    case .duplicateKey(let key, let offset)?: .duplicateKey(key, offset: offset)
    case nil: nil
    }
    require(violationOf(unlimited) == expected, "parser found \(String(describing: violationOf(unlimited))), expected \(String(describing: expected))")
    guard expected == nil else { return }
    for limit in Set([0, 1, 3, 32, structure.depth - 1, structure.depth, structure.depth + 1]) where limit >= 0 {
        let found = violationOf(StrictJSONParser.parse(body, maximumDepth: limit))
        require(found == (structure.depth > limit ? .nestingTooDeep(limit: limit) : nil),
                     "parser says \(String(describing: found)) for limit \(limit), real depth \(structure.depth)")
    }
}

private func violationOf(_ result: Result<JSONValue, StrictJSONParser.Violation>) -> StrictJSONParser.Violation? {
    if case .failure(let violation) = result { violation } else { nil }
}

private func check(_ body: Data, parsed: JSONValue?, structure: StructureReader.Result, limits: JSONRPCPayload.Limits) {
    let outcome = JSONRPCPayload.decode(body, limits: limits)
    let violation = violationOf(StrictJSONParser.parse(body, maximumDepth: limits.maximumDepth))
    var responses: [JSONRPCResponse] = []
    var expected: [JSONValue] = []
    var asBatch = false

    switch outcome {
    case .failure(let error):
        require([-32700, -32600].contains(error.code), "whole-body error code \(error.code)")
        switch violation {
        case .nestingTooDeep?:
            require(error.code == -32600 && error.reason == "InvalidRequest", "deep body answered \(error)")
        case let other?:
            require(error.code == -32700 && error.reason == "ParseError", "\(other) answered \(error)")
        case nil:
            if let parsed {
                require(error.code == -32600 && error.reason == "InvalidRequest", "JSON body answered \(error)")
                guard case .array(let elements) = parsed else { fatalError("a non-array body failed as a whole: \(error)") }
                require(elements.isEmpty || elements.count > limits.maximumBatchLength, "batch of \(elements.count) refused")
            } else {
                require(error.code == -32700 && error.reason == "ParseError", "non-JSON body answered \(error)")
            }
        }
        if error.code == -32600, violation == nil { checkStrict(body, structure: structure, limits: limits) }
        responses = [JSONRPCResponse(id: .null, outcome: .error(error))]
        expected = [expectedResponse(id: .null, error: error)]

    case .success(let payload):
        require(violation == nil, "a body with \(String(describing: violation)) was accepted")
        guard parsed != nil else { fatalError("decode accepted bytes that JSONDecoder refuses") }
        // The calls are judged on the parser's own reading, which `checkParser` compared with
        // JSONDecoder's by value (numbers compared as numbers).
        guard case .success(let parsed) = StrictJSONParser.parse(body, maximumDepth: limits.maximumDepth) else {
            fatalError("decode accepted bytes the parser refuses")
        }
        checkStrict(body, structure: structure, limits: limits)
        let calls: [Result<JSONRPCRequest, JSONRPCInvalidCall>]
        let values: [JSONValue]
        switch payload {
        case .single(let call):
            if case .array = parsed { fatalError("an array body decoded as a single call") }
            calls = [call]
            values = [parsed]
        case .batch(let batch):
            guard case .array(let elements) = parsed else { fatalError("a non-array body decoded as a batch") }
            require((1...limits.maximumBatchLength).contains(batch.count), "batch of \(batch.count) accepted")
            require(batch.count == elements.count, "\(elements.count) elements gave \(batch.count) calls")
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
        fatalError("response body is not valid JSON (\(error)): \(String(decoding: written.prefix(500), as: UTF8.self))")
    }
    if asBatch {
        guard case .array(let elements) = reread else { fatalError("batch response is not an array") }
        require(elements.map(normalized) == expected, "batch response differs: \(String(decoding: written.prefix(500), as: UTF8.self))")
    } else {
        require(expected.count == 1 && normalized(reread) == expected[0],
                     "response differs: \(String(decoding: written.prefix(500), as: UTF8.self))")
    }
}

/// Checks one call against the JSON-RPC 2.0 rules, read independently of `JSONRPCRequest.validate`.
private func checkCall(_ call: Result<JSONRPCRequest, JSONRPCInvalidCall>, against value: JSONValue) {
    guard case .object(let members) = value else {
        guard case .failure(let invalid) = call else { fatalError("non-object \(value.typeName) accepted as a call") }
        require(invalid.id == .null && invalid.error.code == -32600 && invalid.error.reason == "InvalidRequest")
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
        require(!valid, "a valid call was refused: \(invalid.error)")
        require(invalid.error.code == -32600 && invalid.error.reason == "InvalidRequest", "per-call error \(invalid.error)")
        require(invalid.id == (idValid ? answerID : .null), "answered under \(invalid.id)")
    case .success(let request):
        require(valid, "an invalid call was accepted: \(members)")
        guard case .string(let method) = members["method"] else { fatalError() }
        require(request.method == method, "method changed")
        require(request.id == (members["id"] == nil ? nil : answerID), "id changed: \(String(describing: request.id))")
        let params: JSONValue? = if case .null? = members["params"] { nil } else { members["params"] }
        require(request.params == params, "params changed")
        require(request.isNotification == (members["id"] == nil))
    }
}

private func expectedResponse(id: JSONRPCID, error: JSONRPCErrorObject) -> JSONValue {
    var object: JSONObject = ["code": .integer(Int64(error.code)), "message": .string(error.message)]
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

/// A body that got past the parser must be strict JSON, as far as the structural reader can tell.
private func checkStrict(_ body: Data, structure: StructureReader.Result, limits: JSONRPCPayload.Limits) {
    require(!body.starts(with: [0xEF, 0xBB, 0xBF]), "a body with a byte order mark got through")
    require(!body.contains(0), "a body with a NUL byte got through")
    require(structure.complete, "a body got through whose structure cannot be read")
    require(structure.firstViolation == nil, "a body with \(String(describing: structure.firstViolation)) got through")
    require(structure.depth <= limits.maximumDepth, "a body nested \(structure.depth) deep got through (limit \(limits.maximumDepth))")
}

/// Reads the structure of JSON bytes, independently of `StrictJSONParser`: containers, member
/// names, commas. Numbers and literals are taken as any run of other bytes; escapes in strings are
/// skipped. Records the first thing strict JSON does not allow, in byte order.
private struct StructureReader {
    enum Violation: Hashable {
        case byteOrderMark
        case nul
        case trailingComma(offset: Int)  // offset of the closing bracket, as the parser reports it
        case duplicateKey(String, offset: Int)
    }

    struct Result {
        /// Whether the bytes are one JSON value, structurally (a trailing comma is tolerated and recorded).
        var complete: Bool
        var depth: Int
        var firstViolation: Violation?
    }

    private static let delimiters = Set(" \t\n\r,:[]{}\"".utf8)
    /// Deeper bodies are not followed (the parser's limits are far lower); keeps the recursion bounded.
    private static let depthCutOff = 256

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    private var maximumDepth = 0
    private var violation: Violation?

    static func read(_ data: Data) -> Result {
        var reader = StructureReader(bytes: Array(data))
        if reader.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Result(complete: true, depth: 0, firstViolation: .byteOrderMark) }
        var complete = reader.value()
        reader.skipWhitespace()
        complete = complete && reader.index == reader.bytes.count
        return Result(complete: complete, depth: reader.maximumDepth, firstViolation: reader.violation)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func note(_ found: Violation) {
        if violation == nil { violation = found }
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func value() -> Bool {
        skipWhitespace()
        guard let byte = peek() else { return false }
        switch byte {
        case UInt8(ascii: "{"): return container(object: true)
        case UInt8(ascii: "["): return container(object: false)
        case UInt8(ascii: "\""): return string() != nil
        default:
            let start = index
            while let next = peek(), !Self.delimiters.contains(next) {
                if next == 0 { note(.nul); return false }
                index += 1
            }
            return index > start
        }
    }

    /// Reads a string; returns the range of bytes it covers, quotes included.
    private mutating func string() -> Range<Int>? {
        let start = index
        index += 1
        while let byte = peek() {
            if byte == 0 { note(.nul); return nil }
            index += 1
            if byte == UInt8(ascii: "\\") {
                guard let escaped = peek() else { return nil }
                if escaped == 0 { note(.nul); return nil }
                index += 1
            } else if byte == UInt8(ascii: "\"") {
                return start..<index
            }
        }
        return nil
    }

    private mutating func container(object: Bool) -> Bool {
        let close = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
        index += 1
        depth += 1
        maximumDepth = max(maximumDepth, depth)
        defer { depth -= 1 }
        guard depth <= Self.depthCutOff else { return false }
        var names: Set<String> = []
        skipWhitespace()
        if peek() == close { index += 1; return true }
        while true {
            if object {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\""), let range = string() else { return false }
                let name = memberName(Array(bytes[range]))
                if !names.insert(name).inserted { note(.duplicateKey(name, offset: range.lowerBound)) }
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { return false }
                index += 1
            }
            guard value() else { return false }
            skipWhitespace()
            guard let byte = peek() else { return false }
            index += 1
            if byte == close { return true }
            guard byte == UInt8(ascii: ",") else { return false }
            skipWhitespace()
            if peek() == close {
                note(.trailingComma(offset: index))
                index += 1
                return true
            }
        }
    }

    /// A member name as the JSON parser sees it: unescaped by Foundation itself.
    private func memberName(_ quoted: [UInt8]) -> String {
        if !quoted.contains(UInt8(ascii: "\\")) { return String(decoding: quoted.dropFirst().dropLast(), as: UTF8.self) }
        return (try? JSONDecoder().decode(String.self, from: Data(quoted))) ?? String(decoding: quoted, as: UTF8.self)
    }
}

/// `precondition` that keeps its message in optimized builds, so that a finding says what broke.
private func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = "", file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
