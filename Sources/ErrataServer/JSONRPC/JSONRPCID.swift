package import ErrataCore
/// A JSON-RPC request id: a string, an integer, or null.
///
/// Fractional numbers are refused as ids (the specification says they SHOULD NOT be used,
/// and echoing them back exactly is not guaranteed), as are arrays, objects and booleans.
package enum JSONRPCID: Hashable, Sendable, Codable {
    case string(String)
    case number(Int64)
    case null

    /// The id in a JSON value, or `nil` when the value is not a valid id.
    package init?(_ value: JSONValue) {
        switch value {
        case .string(let string): self = .string(string)
        case .integer(let number): self = .number(number)
        case .null: self = .null
        default: return nil
        }
    }

    package init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        guard let id = JSONRPCID(value) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a JSON-RPC id"))
        }
        self = id
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let string): try container.encode(string)
        case .number(let number): try container.encode(number)
        case .null: try container.encodeNil()
        }
    }
}
