import HTTPTypes
import NIOCore

/// A request head read straight from a connection's bytes, when it is one of the plainest kind:
/// `GET`, `HEAD` or `POST`, HTTP/1.1, a body only as long as its `Content-Length` says, nothing
/// that changes how the connection goes on.
///
/// ``ReadyResponseHandler`` answers such a request without NIO's HTTP decoder. The reading is deliberately narrower than RFC 9112: whatever it does not plainly
/// understand — another method or version, a bare LF, a folded line, a byte outside printable
/// ASCII, a repeated header it reads, `Transfer-Encoding`, `Connection`, `Authorization`, a head over
/// ``maximumLength`` — is ``Scan/handOver``, and the connection's bytes go to the decoder
/// (and Hummingbird's router) from that request on, which answer it as they always did.
struct PlainRequestHead {
    /// The largest head read here; a longer one goes to the decoder.
    static let maximumLength = 4096

    var method: HTTPRequest.Method
    /// The request target (path and query) as sent.
    var target: String
    /// The values of the headers an answer depends on (`X-Request-ID` is spliced into it, not part of it).
    var acceptLanguage: String?
    var acceptEncoding: String?
    var ifNoneMatch: String?
    var origin: String?
    var requestID: String?
    /// A `POST`'s body: its type, and its length.
    var contentType: String?
    var contentLength: Int?
    /// How many bytes the head takes, its last empty line included.
    var length: Int

    /// What reading a connection's next bytes found.
    enum Scan {
        /// A plain request head.
        case plain(PlainRequestHead)
        /// The head has not arrived in full.
        case incomplete
        /// Anything else: the decoder reads it.
        case handOver
    }

    /// The request that starts at the reader index of `buffer`.
    static func scan(_ buffer: ByteBuffer) -> Scan {
        buffer.withUnsafeReadableBytes { bytes in
            var reader = HeadReader(bytes: bytes)
            return reader.read()
        }
    }

    /// The request as Hummingbird's HTTP/1 codec would make it, with only the headers an answer depends on.
    var request: HTTPRequest {
        var fields = HTTPFields()
        if let acceptLanguage { fields[.acceptLanguage] = acceptLanguage }
        if let acceptEncoding { fields[.acceptEncoding] = acceptEncoding }
        if let ifNoneMatch { fields[.ifNoneMatch] = ifNoneMatch }
        if let origin { fields[.origin] = origin }
        if let requestID { fields[.requestID] = requestID }
        if let contentType { fields[.contentType] = contentType }
        if let contentLength { fields[.contentLength] = String(contentLength) }
        return HTTPRequest(method: method, scheme: "http", authority: nil, path: target, headerFields: fields)
    }

    /// What tells one answer from another: the method, the target and the headers it depends on,
    /// each absent value told apart from every present one.
    var answerKey: [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(target.utf8.count + 128)
        key.append(method == .head ? 1 : 0)
        for part in [target, acceptLanguage, acceptEncoding, ifNoneMatch, origin] {
            // Values hold printable ASCII only, so 0 and 1 cannot occur in them.
            if let part {
                key.append(1)
                key.append(contentsOf: part.utf8)
            }
            key.append(0)
        }
        return key
    }
}

// MARK: - Reading

/// Reads one request head from raw bytes; see ``PlainRequestHead``.
private struct HeadReader {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    mutating func read() -> PlainRequestHead.Scan {
        // Everything up to the empty line must be in; a head longer than the limit is not plain.
        let end: Int
        switch headEnd() {
        case .some(.some(let found)): end = found
        case .some(.none): return .handOver
        case .none: return bytes.count > PlainRequestHead.maximumLength ? .handOver : .incomplete
        }
        guard end <= PlainRequestHead.maximumLength, let (method, target) = requestLine() else { return .handOver }
        var head = PlainRequestHead(method: method, target: target, length: end)
        while position < end - 2 {
            guard let (name, value) = field(), record(name: name, value: value, in: &head) else { return .handOver }
        }
        return .plain(head)
    }

    /// The index just past the head's empty line (`CRLF CRLF`); `.some(nil)` when a CR or LF
    /// stands alone before it, which other readers take as a line end (so no answer waits for more
    /// bytes that may never come); `nil` when the head has not arrived in full.
    private func headEnd() -> Int?? {
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case lf:
                guard index > 0, bytes[index - 1] == cr else { return .some(nil) }
                if index >= 3, bytes[index - 2] == lf, bytes[index - 3] == cr { return index + 1 }
            case cr:
                guard index + 1 == bytes.count || bytes[index + 1] == lf else { return .some(nil) }
            default:
                break
            }
            index += 1
        }
        return nil
    }

    private mutating func requestLine() -> (HTTPRequest.Method, String)? {
        let method: HTTPRequest.Method
        if take("GET ") {
            method = .get
        } else if take("HEAD ") {
            method = .head
        } else if take("POST ") {
            method = .post
        } else {
            return nil
        }
        let start = position
        // Printable ASCII but `#`: a fragment is not part of a request target.
        while position < bytes.count, bytes[position] > space, bytes[position] < 0x7F, bytes[position] != UInt8(ascii: "#") {
            position += 1
        }
        guard position > start, bytes[start] == UInt8(ascii: "/") else { return nil }
        let target = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard take(" HTTP/1.1\r\n") else { return nil }
        return (method, target)
    }

    /// One `name: value CRLF` line: a token, optional spaces, a value of printable ASCII and tabs
    /// that neither starts nor ends with white space (an empty value is not plain either).
    private mutating func field() -> (name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? {
        let nameStart = position
        while position < bytes.count, Self.isTokenByte(bytes[position]) { position += 1 }
        guard position > nameStart, position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
        let name = UnsafeRawBufferPointer(rebasing: bytes[nameStart..<position])
        position += 1
        while position < bytes.count, bytes[position] == space || bytes[position] == tab { position += 1 }
        let valueStart = position
        while position < bytes.count, bytes[position] == tab || (bytes[position] >= space && bytes[position] < 0x7F) { position += 1 }
        guard position > valueStart, bytes[position - 1] != space, bytes[position - 1] != tab, take("\r\n") else { return nil }
        return (name, UnsafeRawBufferPointer(rebasing: bytes[valueStart..<(position - 2)]))
    }

    /// Keeps a header an answer depends on; `false` when the header makes the request not plain.
    private func record(name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, in head: inout PlainRequestHead) -> Bool {
        func keep(_ slot: inout String?) -> Bool {
            // A repeated header is read as one joined value by the decoder: leave that to it.
            guard slot == nil else { return false }
            slot = String(decoding: value, as: UTF8.self)
            return true
        }
        switch name.count {
        case 6 where Self.named(name, "origin"): return keep(&head.origin)
        case 12 where Self.named(name, "x-request-id"): return keep(&head.requestID)
        case 13 where Self.named(name, "if-none-match"): return keep(&head.ifNoneMatch)
        case 15 where Self.named(name, "accept-language"): return keep(&head.acceptLanguage)
        case 15 where Self.named(name, "accept-encoding"): return keep(&head.acceptEncoding)
        case 12 where Self.named(name, "content-type"): return keep(&head.contentType)
        case 14 where Self.named(name, "content-length"):
            // Digits only, once, and a length a `POST` may have: the decoder reads anything else.
            guard head.method == .post, head.contentLength == nil, (1...9).contains(value.count), value.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
            head.contentLength = value.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            return true
        default:
            // A body, a connection option, or a credential: the router's business.
            return !Self.notPlain.contains { Self.named(name, $0) }
        }
    }

    private static let notPlain: [StaticString] = ["transfer-encoding", "connection", "expect", "upgrade", "te", "trailer", "authorization", "keep-alive"]

    /// Whether `name` is `lowercased`, ignoring ASCII case.
    private static func named(_ name: UnsafeRawBufferPointer, _ lowercased: StaticString) -> Bool {
        guard name.count == lowercased.utf8CodeUnitCount else { return false }
        return lowercased.withUTF8Buffer { expected in
            // Tokens and the names here: setting bit 5 lowercases a letter and keeps `-`.
            expected.indices.allSatisfy { name[$0] | 0x20 == expected[$0] }
        }
    }

    private mutating func take(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        let matches = literal.withUTF8Buffer { expected in
            expected.indices.allSatisfy { bytes[position + $0] == expected[$0] }
        }
        if matches { position += count }
        return matches
    }

    /// RFC 9110 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"),
            UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }
}

private let cr = UInt8(ascii: "\r")
private let lf = UInt8(ascii: "\n")
private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")
