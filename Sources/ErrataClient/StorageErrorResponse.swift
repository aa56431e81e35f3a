public import ErrataCore
public import Foundation

/// The error a storage service answered, as its response carried it: code, message and request ID.
///
/// Parse one from a raw response body with ``init(body:)``, or from a JSON-RPC error object with
/// ``init(rpcError:)``, then explain it with ``ErrataClient/storageError(_:locale:)``.
public struct StorageErrorResponse: Hashable, Sendable {
    /// The storage service's error code, such as `NoSuchKey`.
    public var code: ErrorCode
    /// The service's own message, which also tells apart the variants of a code.
    public var message: String?
    /// The request ID support asks for.
    public var requestID: String?
    /// The bucket or object the error concerns, when the body names it.
    public var resource: String?

    /// Creates a response from its parts.
    ///
    /// - Parameters:
    ///   - code: The error code.
    ///   - message: The service's own message.
    ///   - requestID: The request ID.
    ///   - resource: The bucket or object concerned.
    public init(code: ErrorCode, message: String? = nil, requestID: String? = nil, resource: String? = nil) {
        self.code = code
        self.message = message
        self.requestID = requestID
        self.resource = resource
    }

    /// The largest body parsed; a storage error body is a few hundred bytes.
    public static let maximumBodySize = 1 << 20

    /// Parses a raw error response body.
    ///
    /// Accepted forms: S3-style XML (`<Error><Code>…</Code><Message>…</Message><RequestId>…</RequestId></Error>`),
    /// the same as JSON (`{"Code": …, "Message": …}`, optionally inside `"Error"`, keys in any case), a
    /// JSON-RPC error object, or a JSON-RPC response carrying one (see ``init(rpcError:)``).
    /// - Parameter body: The response body.
    /// - Returns: `nil` when the body is none of these, is larger than ``maximumBodySize`` or names no code.
    public init?(body: Data) {
        // Leading whitespace and a UTF-8 byte order mark do not decide the format.
        let ignored: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF]
        guard body.count <= Self.maximumBodySize, let first = body.first(where: { !ignored.contains($0) }) else {
            return nil
        }
        let parsed: Self?
        switch first {
        case UInt8(ascii: "<"): parsed = StorageErrorXML.parse(body)
        case UInt8(ascii: "{"): parsed = (try? JSONDecoder().decode(JSONValue.self, from: body)).flatMap(Self.init(json:))
        default: parsed = nil
        }
        guard let parsed, !parsed.code.rawValue.isEmpty else { return nil }
        self = parsed
    }

    /// Reads the storage error a JSON-RPC error object carries.
    ///
    /// The storage code is `data.code`, else `data.reason`, else the numeric JSON-RPC code; the message is
    /// the object's `message`; the request ID is `data.requestId`. Keys in `data` match in any case.
    /// - Parameter rpcError: The JSON-RPC error object.
    public init(rpcError: JSONRPCErrorObject) {
        let data: [String: JSONValue]
        if case .object(let members) = rpcError.data { data = members } else { data = [:] }
        let code = Self.string(in: data, named: ["code"]) ?? Self.string(in: data, named: ["reason"]) ?? String(rpcError.code)
        self.init(
            code: ErrorCode(code),
            message: rpcError.message,
            requestID: Self.string(in: data, named: ["requestid", "request_id"]),
            resource: Self.string(in: data, named: ["resource"])
        )
    }

    /// Reads a JSON body: a JSON-RPC response or error object (integer `code`), or S3-style (string `Code`).
    private init?(json: JSONValue) {
        guard case .object(var members) = json else { return nil }
        if let inner = Self.member(of: members, named: ["error"]), case .object(let error) = inner {
            members = error
        }
        switch Self.member(of: members, named: ["code"]) {
        case .integer(let number)?:
            let message = Self.string(in: members, named: ["message"]) ?? ""
            self.init(rpcError: JSONRPCErrorObject(code: Int(number), message: message, data: Self.member(of: members, named: ["data"])))
        case .string(let code)?:
            self.init(
                code: ErrorCode(code),
                message: Self.string(in: members, named: ["message"]),
                requestID: Self.string(in: members, named: ["requestid", "request_id"]),
                resource: Self.string(in: members, named: ["resource"])
            )
        default:
            return nil
        }
    }

    /// The member named one of `names` (lowercase), compared ignoring case.
    private static func member(of members: [String: JSONValue], named names: Set<String>) -> JSONValue? {
        members.first { names.contains($0.key.lowercased()) }?.value
    }

    /// The member named one of `names` (lowercase), compared ignoring case, if it is a non-empty string.
    private static func string(in members: [String: JSONValue], named names: Set<String>) -> String? {
        guard case .string(let value)? = member(of: members, named: names), !value.isEmpty else { return nil }
        return value
    }
}
