import HTTPTypes
import NIOCore

/// A read's whole answer kept as bytes, as NIO's HTTP/1 encoder writes them, with the two values
/// that change per request — `X-Request-ID` and `Date` — left out to be spliced in.
///
/// Made once per (request line, negotiated headers) and revision by ``ReadyResponses``, from the
/// response ``EventLoopReads/read(_:served:)`` and ``EventLoopReads/decorate(_:origin:requestID:date:)``
/// make, so its headers are the router's; writing it costs one small buffer for the head.
struct ReadyResponse {
    /// The status line and headers up to the request id's value.
    private let beforeRequestID: ByteBuffer
    /// From the request id's value to the date's.
    private let betweenRequestIDAndDate: ByteBuffer
    /// From the date's value to the end of the head.
    private let afterDate: ByteBuffer
    /// The body, shared by every answer written from this one; `nil` for a 304 or a `HEAD`.
    let body: ByteBuffer?
    /// What the request's log line and metrics say.
    let route: String
    let status: HTTPResponse.Status
    let loggedBytes: Int?
    let meterKey: RequestMetersMemo.Key

    /// Serializes `response`, whose headers must hold `X-Request-ID` and then `Date`, each once.
    init?(_ response: HTTPResponse, body: ByteBuffer?, method: HTTPRequest.Method, route: String, loggedBytes: Int?) {
        guard let fields = Self.framedFields(of: response) else { return nil }
        var parts: [ByteBuffer] = []
        var current = ByteBuffer()
        Self.writeStatusLine(of: response, to: &current)
        var expected: [HTTPField.Name] = [.requestID, .date]
        for field in fields {
            current.writeString(field.name.rawName)
            current.writeString(": ")
            if let next = expected.first, field.name == next {
                expected.removeFirst()
                parts.append(current)
                current = ByteBuffer()
            } else {
                current.writeString(field.value)
            }
            current.writeString("\r\n")
        }
        current.writeString("\r\n")
        parts.append(current)
        guard parts.count == 3 else { return nil }
        beforeRequestID = parts[0]
        betweenRequestIDAndDate = parts[1]
        afterDate = parts[2]
        self.body = body
        self.route = route
        status = response.status
        self.loggedBytes = loggedBytes
        meterKey = RequestMetersMemo.Key(route: route, method: method, status: response.status)
    }

    /// The head for one request: its id (written by `writeRequestID`, at most `maximumRequestIDLength`
    /// bytes long) and the date spliced in.
    func head(date: String, allocator: ByteBufferAllocator, writeRequestID: (inout ByteBuffer) -> Void) -> ByteBuffer {
        let size = beforeRequestID.readableBytes + Self.maximumRequestIDLength + betweenRequestIDAndDate.readableBytes + date.utf8.count
            + afterDate.readableBytes
        var head = allocator.buffer(capacity: size)
        head.writeImmutableBuffer(beforeRequestID)
        writeRequestID(&head)
        head.writeImmutableBuffer(betweenRequestIDAndDate)
        head.writeString(date)
        head.writeImmutableBuffer(afterDate)
        return head
    }

    /// The longest request id a head is sized for: a longer one only costs the buffer a reallocation.
    static let maximumRequestIDLength = 64

    /// The bytes kept for this answer, head and body.
    var size: Int {
        beforeRequestID.readableBytes + betweenRequestIDAndDate.readableBytes + afterDate.readableBytes + (body?.readableBytes ?? 0)
    }

    // MARK: - Writing a head as NIO's encoder does

    /// The head of `response`, with a body of `bodyLength` bytes, as NIO's HTTP/1 encoder writes it.
    static func head(of response: HTTPResponse, bodyLength: Int, allocator: ByteBufferAllocator) -> ByteBuffer {
        var response = response
        if response.headerFields[.contentLength] == nil {
            // Never so for the answers written here; framed by length rather than chunked as the encoder would.
            response.headerFields[.contentLength] = String(bodyLength)
        }
        let fields = framedFields(of: response) ?? response.headerFields
        var head = allocator.buffer(capacity: 512)
        writeStatusLine(of: response, to: &head)
        for field in fields {
            head.writeString(field.name.rawName)
            head.writeString(": ")
            head.writeString(field.value)
            head.writeString("\r\n")
        }
        head.writeString("\r\n")
        return head
    }

    private static func writeStatusLine(of response: HTTPResponse, to buffer: inout ByteBuffer) {
        buffer.writeString("HTTP/1.1 \(response.status.code) \(response.status.reasonPhrase)\r\n")
    }

    /// The headers NIO's `HTTPResponseEncoder` sends: a status without a body (1xx, 204, 304) loses
    /// `Content-Length` and `Transfer-Encoding`; `nil` for any other without a `Content-Length`
    /// (the encoder would make it chunked; no read answers so).
    private static func framedFields(of response: HTTPResponse) -> HTTPFields? {
        let code = response.status.code
        guard (100..<200).contains(code) || code == 204 || code == 304 else {
            return response.headerFields[.contentLength] == nil ? nil : response.headerFields
        }
        var fields = response.headerFields
        fields[.contentLength] = nil
        fields[.transferEncoding] = nil
        return fields
    }
}
