import Foundation

extension StorageResponse {
    /// Reads the storage error a JSON-RPC error object carries.
    ///
    /// The storage code is `data.code`, else `data.reason`, else the numeric JSON-RPC code; the message is
    /// the object's `message`; the other fields are `data`'s members (`requestId`, `hostId`, `resource`,
    /// `bucket`, `key`), matched ignoring case.
    /// - Parameter rpcError: The JSON-RPC error object.
    public init(rpcError: JSONRPCErrorObject) {
        let data: JSONObject
        if case .object(let members) = rpcError.data { data = members } else { data = [:] }
        let code = Self.string(in: data, named: ["code"]) ?? Self.string(in: data, named: ["reason"]) ?? String(rpcError.code)
        self.init(format: .json, message: rpcError.message.isEmpty ? nil : rpcError.message)
        readFields(from: data)
        self.code = ErrorCode(code)
    }

    /// Reads a JSON body: a JSON-RPC response or error object (integer `code`), or S3-style members
    /// (string `Code`), either possibly inside `error`; member names match ignoring case.
    init(json body: Data) throws(StorageResponseError) {
        let value: JSONValue
        switch StrictJSONParser.parse(body, maximumDepth: Self.maximumDepth) {
        case .success(let parsed): value = parsed
        case .failure(.nestingTooDeep(let limit)): throw .nestingTooDeep(limit: limit)
        case .failure(let violation): throw .malformedJSON(violation.description)
        }
        guard case .object(var members) = value else { throw .notAnError("the JSON body is \(value.typeName), not an object") }
        if case .object(let error)? = Self.member(of: members, named: ["error"]) {
            members = error
        }
        switch Self.member(of: members, named: ["code"]) {
        case .integer(let number)?:
            let message = Self.string(in: members, named: ["message"]) ?? ""
            self.init(rpcError: JSONRPCErrorObject(code: Int(number), message: message, data: Self.member(of: members, named: ["data"])))
        default:
            self.init(format: .json, message: Self.string(in: members, named: ["message"]))
            readFields(from: members)
            code = Self.string(in: members, named: ["code"]).map { ErrorCode($0) }
        }
    }

    /// Fills the fields other than code and message from the members of an error object.
    private mutating func readFields(from members: JSONObject) {
        requestID = Self.string(in: members, named: ["requestid", "request_id"])
        hostID = Self.string(in: members, named: ["hostid", "host_id"])
        resource = Self.string(in: members, named: ["resource"])
        bucket = Self.string(in: members, named: ["bucket", "bucketname", "bucket_name"])
        key = Self.string(in: members, named: ["key"])
    }

    /// The member named one of `names` (lowercase), compared ignoring case.
    private static func member(of members: JSONObject, named names: Set<String>) -> JSONValue? {
        members.first { names.contains($0.key.lowercased()) }?.value
    }

    /// The member named one of `names` (lowercase), compared ignoring case, if it is a non-empty string.
    private static func string(in members: JSONObject, named names: Set<String>) -> String? {
        guard case .string(let value)? = member(of: members, named: names), !value.isEmpty else { return nil }
        return value
    }
}
