/// A JSON-RPC 2.0 error object: `{"code": -32601, "message": "Method not found", "data": …}`.
///
/// The standard codes are static members; Errata's application codes live in -32000…-32099.
public struct JSONRPCErrorObject: Error, Codable, Hashable, Sendable {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    // MARK: - Standard errors

    /// -32700: the body is not valid JSON.
    public static func parseError(_ detail: String) -> Self {
        .init(code: -32700, message: "Parse error", data: ["reason": "ParseError", "detail": .string(detail)])
    }

    /// -32600: the JSON is not a valid request object.
    public static func invalidRequest(_ detail: String) -> Self {
        .init(code: -32600, message: "Invalid Request", data: ["reason": "InvalidRequest", "detail": .string(detail)])
    }

    /// -32601: no such method.
    public static func methodNotFound(_ method: String) -> Self {
        .init(code: -32601, message: "Method not found", data: ["reason": "MethodNotFound", "method": .string(method)])
    }

    /// -32602: the params do not fit the method; `field` is the path of the offending member.
    public static func invalidParams(_ detail: String, field: String? = nil) -> Self {
        var data: [String: JSONValue] = ["reason": "InvalidParams", "detail": .string(detail)]
        if let field { data["field"] = .string(field) }
        return .init(code: -32602, message: "Invalid params", data: .object(data))
    }

    /// -32603: something failed inside the server; nothing about it is disclosed.
    public static let internalError = Self(code: -32603, message: "Internal error", data: ["reason": "InternalError"])

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
