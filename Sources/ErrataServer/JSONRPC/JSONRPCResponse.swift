package import ErrataCore
package import Foundation
package import NIOCore

/// A JSON-RPC 2.0 response, written straight to bytes.
///
/// A result is an already-encoded JSON fragment, so a server can answer with bodies it encoded
/// once and cached, without decoding and re-encoding them per call.
package struct JSONRPCResponse: Sendable {
    package enum Outcome: Sendable {
        /// An encoded JSON value.
        case result(Data)
        case error(JSONRPCErrorObject)
    }

    package var id: JSONRPCID
    package var outcome: Outcome

    package init(id: JSONRPCID, outcome: Outcome) {
        self.id = id
        self.outcome = outcome
    }

    /// Appends `{"jsonrpc":"2.0","result"|"error":…,"id":…}` to `writer`.
    package func write(to writer: inout JSONWriter) {
        writer.raw(#"{"jsonrpc":"2.0","#)
        switch outcome {
        case .result(let json):
            writer.raw(#""result":"#)
            writer.raw(json)
        case .error(let error):
            writer.raw(#""error":"#)
            writer.raw(CanonicalJSON.encode(error))
        }
        writer.raw(#","id":"#)
        switch id {
        case .null: writer.raw("null")
        case .number(let number): writer.integer(number)
        case .string(let string): writer.string(string)
        }
        writer.raw("}")
    }

    /// Writes a whole body: one response, or a batch array of them, in the buffer the HTTP answer sends.
    ///
    /// Written into an array first, then copied once: `ByteBuffer`'s own writes cost more than that
    /// copy when a batch makes six of them a call (measured).
    package static func body(_ responses: [JSONRPCResponse], asBatch: Bool) -> ByteBuffer {
        var writer = JSONWriter(capacity: responses.reduce(64) { size, response in
            if case .result(let json) = response.outcome { size + json.count + 48 } else { size + 256 }
        })
        if asBatch { writer.raw("[") }
        for (index, response) in responses.enumerated() {
            if index > 0 { writer.raw(",") }
            response.write(to: &writer)
        }
        if asBatch { writer.raw("]") }
        var buffer = ByteBufferAllocator().buffer(capacity: writer.bytes.count)
        buffer.writeBytes(writer.bytes)
        return buffer
    }
}
