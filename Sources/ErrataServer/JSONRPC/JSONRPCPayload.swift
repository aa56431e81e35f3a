package import ErrataCore
package import Foundation
package import NIOCore

/// A decoded JSON-RPC 2.0 HTTP body: one call or a batch of calls.
///
/// For example:
///
/// ```swift
/// switch JSONRPCPayload.decode(body, limits: .init()) {
/// case .success(.single(let call)): ...
/// case .success(.batch(let calls)): ...
/// case .failure(let error): ... // answer once, with id null
/// }
/// ```
package enum JSONRPCPayload: Hashable, Sendable {
    case single(Result<JSONRPCRequest, JSONRPCInvalidCall>)
    case batch([Result<JSONRPCRequest, JSONRPCInvalidCall>])

    /// Limits that keep one body from costing the server much.
    package struct Limits: Hashable, Sendable {
        /// The most calls one batch may hold.
        package var maximumBatchLength: Int
        /// The deepest nesting of arrays and objects accepted, the envelope included.
        package var maximumDepth: Int

        package init(maximumBatchLength: Int = 100, maximumDepth: Int = 32) {
            self.maximumBatchLength = maximumBatchLength
            self.maximumDepth = maximumDepth
        }
    }

    /// Decodes a body.
    ///
    /// - Parameters:
    ///   - body: The raw HTTP body.
    ///   - limits: Batch length and nesting limits.
    /// - Returns: The payload, or the single error that answers the whole body (`-32700` for
    ///   bytes that are not JSON, `-32600` for an empty or oversize batch or excessive nesting).
    ///   Bodies must be strict JSON (see `StrictJSONParser` in ErrataCore): trailing commas, duplicate
    ///   members, a byte order mark or UTF-16 are parse errors.
    package static func decode(_ body: Data, limits: Limits) -> Result<JSONRPCPayload, JSONRPCErrorObject> {
        decode(parsed: StrictJSONParser.parse(body, maximumDepth: limits.maximumDepth), limits: limits)
    }

    /// Decodes a body as NIO read it, without copying it into `Data` first.
    package static func decode(_ body: ByteBuffer, limits: Limits) -> Result<JSONRPCPayload, JSONRPCErrorObject> {
        body.withUnsafeReadableBytes { decode(parsed: StrictJSONParser.parse($0, maximumDepth: limits.maximumDepth), limits: limits) }
    }

    private static func decode(
        parsed: Result<JSONValue, StrictJSONParser.Violation>, limits: Limits
    ) -> Result<JSONRPCPayload, JSONRPCErrorObject> {
        let value: JSONValue
        switch parsed {
        case .success(let parsed):
            value = parsed
        case .failure(.nestingTooDeep(let limit)):
            return .failure(.invalidRequest("JSON nesting deeper than \(limit) levels"))
        case .failure(let violation):
            return .failure(.parseError(violation.description))
        }
        guard case .array(let elements) = value else {
            return .success(.single(JSONRPCRequest.validate(value)))
        }
        guard !elements.isEmpty else {
            return .failure(.invalidRequest("a batch must contain at least one request"))
        }
        guard elements.count <= limits.maximumBatchLength else {
            return .failure(.invalidRequest(
                "a batch may contain at most \(limits.maximumBatchLength) requests; this one has \(elements.count)"
            ))
        }
        return .success(.batch(elements.map(JSONRPCRequest.validate)))
    }

    /// The calls, in order: the one call of a single body, or the batch's.
    package var calls: [Result<JSONRPCRequest, JSONRPCInvalidCall>] {
        switch self {
        case .single(let call): [call]
        case .batch(let calls): calls
        }
    }
}
