package import ErrataCore

/// The errors JSON-RPC 2.0 itself defines; -32602 (invalid params) is ``InvalidInput``'s, through the table.
extension JSONRPCErrorObject {
    /// -32700: the body is not valid JSON.
    package static func parseError(_ detail: String) -> Self {
        .init(code: -32700, message: "Parse error", data: ["reason": "ParseError", "detail": .string(detail)])
    }

    /// -32600: the JSON is not a valid request object.
    package static func invalidRequest(_ detail: String) -> Self {
        .init(code: -32600, message: "Invalid Request", data: ["reason": "InvalidRequest", "detail": .string(detail)])
    }

    /// -32601: no such method.
    package static func methodNotFound(_ method: String) -> Self {
        .init(code: -32601, message: "Method not found", data: ["reason": "MethodNotFound", "method": .string(method)])
    }

    /// -32603: something failed inside the server; nothing about it is disclosed.
    package static let internalError = Self(code: -32603, message: "Internal error", data: ["reason": "InternalError"])
}
