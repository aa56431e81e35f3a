public import Foundation

/// What a storage service's error response carried: its code, message, request and host IDs, and the
/// resource, bucket and key it concerns, read from an XML or JSON body or from headers alone.
///
/// The one reader of raw storage responses: the server's `errors.explain`, the Swift client and the
/// `errata parse` command all read them here.
///
/// For example:
///
/// ```swift
/// let body = Data("<Error><Code>NoSuchKey</Code><RequestId>4442587FB7D0A2F9</RequestId></Error>".utf8)
/// let response = try StorageResponse(body: body, httpStatus: 404)
/// response.code  // NoSuchKey
/// ```
public struct StorageResponse: Hashable, Sendable {
    /// Where the response's fields were read from.
    public enum Format: String, Hashable, Sendable {
        /// An S3-style XML body: `<Error><Code>…</Code>…</Error>`.
        case xml
        /// A JSON body: S3-style members, possibly inside `Error`, or a JSON-RPC error object.
        case json
        /// Headers only, as a `HEAD` answers: `x-amz-error-code`, `x-amz-request-id`…
        case headers
    }

    /// The largest body read; a storage error body is a few hundred bytes.
    public static let maximumBodySize = 1 << 20
    /// The deepest nesting of XML elements or JSON containers read; an error body nests two or three levels.
    public static let maximumDepth = 32

    public var format: Format
    /// The storage service's error code, such as `NoSuchKey`; `nil` when the response names none.
    public var code: ErrorCode?
    /// The service's own message, which also tells apart the variants of a code.
    public var message: String?
    /// The request ID support asks for (`RequestId`, `x-amz-request-id`).
    public var requestID: String?
    /// The ID of the host that answered (`HostId`, `x-amz-id-2`).
    public var hostID: String?
    /// The bucket or object the error concerns, as a path.
    public var resource: String?
    /// The bucket the error concerns (`BucketName`).
    public var bucket: String?
    /// The object key the error concerns (`Key`).
    public var key: String?
    /// The HTTP status of the response, when known.
    public var httpStatus: Int?

    /// Creates a response from its parts.
    public init(
        format: Format, code: ErrorCode? = nil, message: String? = nil, requestID: String? = nil, hostID: String? = nil,
        resource: String? = nil, bucket: String? = nil, key: String? = nil, httpStatus: Int? = nil
    ) {
        self.format = format
        self.code = code
        self.message = message
        self.requestID = requestID
        self.hostID = hostID
        self.resource = resource
        self.bucket = bucket
        self.key = key
        self.httpStatus = httpStatus
    }

    /// Reads a raw response: its body when it has one, else its headers; headers fill what the body leaves out.
    ///
    /// - Parameters:
    ///   - body: The response body: S3-style XML, or JSON (S3-style members, or a JSON-RPC error object).
    ///     `nil`, empty or only whitespace counts as no body.
    ///   - headers: The response headers, names compared ignoring case.
    ///   - httpStatus: The response's status.
    /// - Throws: ``StorageResponseError`` naming what cannot be read.
    public init(body: Data?, headers: [String: String] = [:], httpStatus: Int? = nil) throws(StorageResponseError) {
        let fields = HeaderFields(headers)
        if let body, let parsed = try Self.parse(body) {
            self = parsed
        } else if !headers.isEmpty {
            self = StorageResponse(format: .headers)
        } else {
            throw .empty
        }
        code = code ?? fields["x-amz-error-code"].map { ErrorCode($0) }
        message = message ?? fields["x-amz-error-message"]
        requestID = requestID ?? fields["x-amz-request-id"]
        hostID = hostID ?? fields["x-amz-id-2"]
        self.httpStatus = httpStatus ?? self.httpStatus
    }

    /// The fields of a body; `nil` for a body of whitespace only.
    private static func parse(_ body: Data) throws(StorageResponseError) -> StorageResponse? {
        guard body.count <= maximumBodySize else { throw .tooLarge(size: body.count, limit: maximumBodySize) }
        let bytes = [UInt8](body)
        if let offset = XMLEventReader.firstInvalidUTF8Offset(bytes) { throw .invalidUTF8(offset: offset) }
        // A byte order mark and leading whitespace do not decide the format.
        let ignored: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF]
        switch bytes.first(where: { !ignored.contains($0) }) {
        case nil:
            return nil
        case UInt8(ascii: "<")?:
            var reader = ErrorXMLReader(bytes: bytes, maximumDepth: maximumDepth)
            let document = try reader.document()
            guard document.root == "Error" else { throw .notAnError("the XML root element is <\(document.root.prefix(64))>, not <Error>") }
            let fields = document.fields
            return StorageResponse(
                format: .xml, code: fields["Code"].map { ErrorCode($0) }, message: fields["Message"], requestID: fields["RequestId"],
                hostID: fields["HostId"], resource: fields["Resource"], bucket: fields["BucketName"], key: fields["Key"]
            )
        case UInt8(ascii: "{")?, UInt8(ascii: "[")?:
            return try StorageResponse(json: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Data(bytes.dropFirst(3)) : body)
        default:
            throw .unrecognizedFormat
        }
    }
}

/// Response headers looked up by name ignoring case; empty values count as absent.
private struct HeaderFields {
    private let values: [String: String]

    init(_ headers: [String: String]) {
        values = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(name: String) -> String? {
        let value = values[name]?.trimmingCharacters(in: .whitespaces)
        return value?.isEmpty == false ? value : nil
    }
}
