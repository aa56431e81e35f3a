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
    ///
    /// As NIO's `HTTPResponseEncoder` frames a response: a status that has no body (304, 204, 1xx)
    /// loses `Content-Length` and `Transfer-Encoding`; any other must have a `Content-Length`
    /// here (the encoder would make it chunked).
    init?(_ response: HTTPResponse, body: ByteBuffer?, method: HTTPRequest.Method, route: String, loggedBytes: Int?) {
        let hasBody = !(100..<200).contains(response.status.code) && response.status != .noContent && response.status != .notModified
        guard !hasBody || response.headerFields[.contentLength] != nil else { return nil }
        var parts: [ByteBuffer] = []
        var current = ByteBuffer()
        current.writeString("HTTP/1.1 \(response.status.code) \(response.status.reasonPhrase)\r\n")
        var expected: [HTTPField.Name] = [.requestID, .date]
        for field in response.headerFields where hasBody || (field.name != .contentLength && field.name != .transferEncoding) {
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

    /// The head for one request: its id and the date spliced in.
    func head(requestID: String, date: String, allocator: ByteBufferAllocator) -> ByteBuffer {
        let size = beforeRequestID.readableBytes + requestID.utf8.count + betweenRequestIDAndDate.readableBytes + date.utf8.count + afterDate.readableBytes
        var head = allocator.buffer(capacity: size)
        head.writeImmutableBuffer(beforeRequestID)
        head.writeString(requestID)
        head.writeImmutableBuffer(betweenRequestIDAndDate)
        head.writeString(date)
        head.writeImmutableBuffer(afterDate)
        return head
    }

    /// The bytes kept for this answer, head and body.
    var size: Int {
        beforeRequestID.readableBytes + betweenRequestIDAndDate.readableBytes + afterDate.readableBytes + (body?.readableBytes ?? 0)
    }
}
