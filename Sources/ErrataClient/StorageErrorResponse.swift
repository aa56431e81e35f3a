public import ErrataCore
public import Foundation

/// The error a storage service answered, as its response carried it: code, message, request ID and
/// the rest of what ErrataCore's `StorageResponse` reads.
///
/// Parse one from a raw response with ``init(body:headers:httpStatus:)`` (or ``init(body:)``), or from
/// a JSON-RPC error object with ``init(rpcError:)``, then explain it with ``ErrataClient/storageError(_:locale:)``.
public struct StorageErrorResponse: Hashable, Sendable {
    /// The storage service's error code, such as `NoSuchKey`; empty when the response named none.
    public var code: ErrorCode
    /// The service's own message, which also tells apart the variants of a code.
    public var message: String?
    /// The request ID support asks for.
    public var requestID: String?
    /// The bucket or object the error concerns, when the body names it.
    public var resource: String?
    /// The ID of the host that answered (`HostId`, `x-amz-id-2`).
    public var hostID: String?
    /// The bucket the error concerns (`BucketName`).
    public var bucket: String?
    /// The object key the error concerns (`Key`).
    public var key: String?
    /// The HTTP status of the response, when known.
    public var httpStatus: Int?
    /// The wait the response's `Retry-After` header asked for, in its delta-seconds form (`Retry-After: 5`);
    /// `nil` without one. An HTTP-date there is not read: it depends on a clock shared with the service.
    public var retryAfter: Duration?

    /// Creates a response from its parts.
    ///
    /// - Parameters:
    ///   - code: The error code.
    ///   - message: The service's own message.
    ///   - requestID: The request ID.
    ///   - resource: The bucket or object concerned.
    ///   - hostID: The ID of the host that answered.
    ///   - bucket: The bucket concerned.
    ///   - key: The object key concerned.
    ///   - httpStatus: The HTTP status of the response.
    ///   - retryAfter: The wait the response's `Retry-After` header asked for.
    public init(
        code: ErrorCode, message: String? = nil, requestID: String? = nil, resource: String? = nil,
        hostID: String? = nil, bucket: String? = nil, key: String? = nil, httpStatus: Int? = nil,
        retryAfter: Duration? = nil
    ) {
        self.code = code
        self.message = message
        self.requestID = requestID
        self.resource = resource
        self.hostID = hostID
        self.bucket = bucket
        self.key = key
        self.httpStatus = httpStatus
        self.retryAfter = retryAfter
    }

    /// The response ErrataCore read, with an empty code when it named none.
    public init(_ response: StorageResponse) {
        self.init(
            code: response.code ?? ErrorCode(""), message: response.message, requestID: response.requestID,
            resource: response.resource, hostID: response.hostID, bucket: response.bucket, key: response.key,
            httpStatus: response.httpStatus
        )
    }

    /// The largest body parsed; a storage error body is a few hundred bytes.
    public static let maximumBodySize = StorageResponse.maximumBodySize

    /// Reads a raw response: its body (S3-style XML or JSON) when it has one, else its headers
    /// (`x-amz-error-code`, `x-amz-error-message`, `x-amz-request-id`, `x-amz-id-2`), as ErrataCore's
    /// `StorageResponse` does, and the wait its `Retry-After` header asks for.
    ///
    /// - Parameters:
    ///   - body: The response body; `nil` or empty for none (a `HEAD`).
    ///   - headers: The response headers, names compared ignoring case.
    ///   - httpStatus: The response's status.
    /// - Throws: `StorageResponseError` naming what cannot be read: a DTD, invalid UTF-8, a truncated body…
    public init(body: Data?, headers: [String: String], httpStatus: Int? = nil) throws(StorageResponseError) {
        self.init(try StorageResponse(body: body, headers: headers, httpStatus: httpStatus))
        retryAfter = Self.retryAfter(in: headers)
    }

    /// The delta-seconds of a `Retry-After` header (RFC 9110, section 10.2.3); `nil` for none, an
    /// HTTP-date or a malformed value.
    static func retryAfter(in headers: [String: String]) -> Duration? {
        guard let value = headers.first(where: { $0.key.lowercased() == "retry-after" })?.value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }), let seconds = Int(trimmed) else { return nil }
        return .seconds(seconds)
    }

    /// Parses a raw error response body.
    ///
    /// Accepted forms: S3-style XML (`<Error><Code>…</Code><Message>…</Message><RequestId>…</RequestId></Error>`),
    /// the same as JSON (`{"Code": …, "Message": …}`, optionally inside `"Error"`, keys in any case), a
    /// JSON-RPC error object, or a JSON-RPC response carrying one (see ``init(rpcError:)``).
    /// - Parameter body: The response body.
    /// - Returns: `nil` when the body is none of these, is larger than ``maximumBodySize`` or names no code.
    public init?(body: Data) {
        guard let response = try? StorageResponse(body: body), response.format != .headers, response.code?.rawValue.isEmpty == false else {
            return nil
        }
        self.init(response)
    }

    /// Reads the storage error a JSON-RPC error object carries.
    ///
    /// The storage code is `data.code`, else `data.reason`, else the numeric JSON-RPC code; the message is
    /// the object's `message`; the request ID is `data.requestId`. Keys in `data` match in any case.
    /// - Parameter rpcError: The JSON-RPC error object.
    public init(rpcError: JSONRPCErrorObject) {
        self.init(StorageResponse(rpcError: rpcError))
    }
}
