public import Foundation

/// A JSON-RPC 2.0 response, written straight to bytes.
///
/// A result is an already-encoded JSON fragment, so a server can answer with bodies it encoded
/// once and cached, without decoding and re-encoding them per call.
public struct JSONRPCResponse: Sendable {
    public enum Outcome: Sendable {
        /// An encoded JSON value.
        case result(Data)
        case error(JSONRPCErrorObject)
    }

    public var id: JSONRPCID
    public var outcome: Outcome

    public init(id: JSONRPCID, outcome: Outcome) {
        self.id = id
        self.outcome = outcome
    }

    /// Appends `{"jsonrpc":"2.0","result"|"error":…,"id":…}` to `buffer`.
    public func write(to buffer: inout Data) {
        buffer.append(contentsOf: #"{"jsonrpc":"2.0","#.utf8)
        switch outcome {
        case .result(let json):
            buffer.append(contentsOf: #""result":"#.utf8)
            buffer.append(json)
        case .error(let error):
            buffer.append(contentsOf: #""error":"#.utf8)
            buffer.append(CanonicalJSON.encode(error))
        }
        buffer.append(contentsOf: #","id":"#.utf8)
        switch id {
        case .null: buffer.append(contentsOf: "null".utf8)
        case .number(let number): buffer.append(contentsOf: String(number).utf8)
        case .string(let string):
            var writer = JSONWriter(capacity: string.utf8.count + 2)
            writer.string(string)
            buffer.append(contentsOf: writer.bytes)
        }
        buffer.append(UInt8(ascii: "}"))
    }

    /// Writes a whole body: one response, or a batch array of them.
    public static func body(_ responses: [JSONRPCResponse], asBatch: Bool) -> Data {
        var buffer = Data()
        if asBatch { buffer.append(UInt8(ascii: "[")) }
        for (index, response) in responses.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            response.write(to: &buffer)
        }
        if asBatch { buffer.append(UInt8(ascii: "]")) }
        return buffer
    }
}
