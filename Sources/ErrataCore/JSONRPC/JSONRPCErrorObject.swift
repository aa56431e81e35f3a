/// A JSON-RPC 2.0 error object: `{"code": -32601, "message": "Method not found", "data": …}`.
///
/// Clients read error answers with it; the server's constructors of the standard errors and its
/// application codes (-32000…-32099) live in ErrataServer.
public struct JSONRPCErrorObject: Error, Codable, Hashable, Sendable {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// The stable reason string in `data.reason`, if any.
    public var reason: String? {
        guard case .object(let members) = data, case .string(let reason) = members["reason"] else { return nil }
        return reason
    }

    // Written explicitly so that a missing `data` is omitted rather than `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(data, forKey: .data)
    }
}
