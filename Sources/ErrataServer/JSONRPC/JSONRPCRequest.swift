package import ErrataCore
/// One well-formed JSON-RPC 2.0 call or notification.
package struct JSONRPCRequest: Hashable, Sendable {
    package var method: String
    /// The params: an array, an object, or `nil` when absent (an explicit `null` counts as absent).
    package var params: JSONValue?
    /// The id; `nil` makes the request a notification, which gets no response.
    package var id: JSONRPCID?

    package init(method: String, params: JSONValue? = nil, id: JSONRPCID?) {
        self.method = method
        self.params = params
        self.id = id
    }

    package var isNotification: Bool { id == nil }

    /// Validates one element of a payload as a request object.
    ///
    /// - Returns: The request, or the `-32600` error to answer with and the id to answer it under
    ///   (the element's id when that id is itself valid, otherwise `null`).
    package static func validate(_ value: JSONValue) -> Result<JSONRPCRequest, JSONRPCInvalidCall> {
        guard case .object(let members) = value else {
            return .failure(.init(id: .null, error: .invalidRequest("a request must be a JSON object, not \(value.typeName)")))
        }
        var id: JSONRPCID?
        if let rawID = members["id"] {
            guard let valid = JSONRPCID(rawID) else {
                let detail = if case .double = rawID { "id must be an integer that fits in 64 bits, not a fractional or larger number" }
                    else { "id must be a string, an integer or null, not \(rawID.typeName)" }
                return .failure(.init(id: .null, error: .invalidRequest(detail)))
            }
            id = valid
        }
        let answerID = id ?? .null
        guard members["jsonrpc"] == .string("2.0") else {
            let detail = members["jsonrpc"] == nil ? "member 'jsonrpc' is missing" : "member 'jsonrpc' must be exactly \"2.0\""
            return .failure(.init(id: answerID, error: .invalidRequest(detail)))
        }
        guard case .string(let method) = members["method"] else {
            let detail = members["method"].map { "member 'method' must be a string, not \($0.typeName)" }
                ?? "member 'method' is missing"
            return .failure(.init(id: answerID, error: .invalidRequest(detail)))
        }
        var params = members["params"]
        switch params {
        case .array, .object: break
        case .null, nil: params = nil
        case .some(let other):
            return .failure(.init(id: answerID, error: .invalidRequest("member 'params' must be an array or an object, not \(other.typeName)")))
        }
        return .success(JSONRPCRequest(method: method, params: params, id: id))
    }
}

/// A payload element that is not a valid request, with the error to answer it with.
package struct JSONRPCInvalidCall: Error, Hashable, Sendable {
    package var id: JSONRPCID
    package var error: JSONRPCErrorObject

    package init(id: JSONRPCID, error: JSONRPCErrorObject) {
        self.id = id
        self.error = error
    }
}
