import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain TCP connection to a loopback port, for sending exactly the bytes a hostile client would.
///
/// Its socket calls block, so each runs on a Dispatch thread: blocking one of the few threads of
/// Swift's cooperative pool would stall the in-process server the test talks to, and under a
/// full parallel test run that turned slow answers into timeouts. Each connection has a serial
/// queue of its own, which gets a thread of its own when it needs one: the global concurrent
/// queue is as wide as the machine has cores, and blocking it delayed FoundationNetworking's
/// completions (and so other tests' URLSession requests) for as long as a read waited.
final class RawHTTPConnection: Sendable {
    private let descriptor: Int32
    private let queue = DispatchQueue(label: "raw-http-connection")

    /// Connects to 127.0.0.1:`port`; a read or write that makes no progress gives up after `timeout` seconds.
    init(port: Int, timeout: Int = 10) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit {
        close(descriptor)
    }

    /// Sends bytes; returns false once the server has closed the connection.
    @discardableResult
    func send(_ bytes: some Collection<UInt8>) async -> Bool {
        let array = Array(bytes)
        return await offThePool { self.sendNow(array) }
    }

    /// Reads until the server closes the connection, `limit` bytes arrive, or the timeout passes.
    func receive(limit: Int = 1 << 20) async -> String {
        await offThePool { self.receiveNow(limit: limit) }
    }

    /// Reads everything until the server closes the connection or the timeout passes.
    func receiveUntilClosed() async -> String {
        await offThePool { self.receiveNow(limit: .max, stopWhenComplete: false) }
    }

    /// Whether the server ends the connection (end-of-file or a reset) before the read timeout,
    /// discarding whatever it still sends.
    func waitForClose() async -> Bool {
        await offThePool { self.waitForCloseNow() }
    }

    /// Sends one request on a new connection and reads the response.
    static func exchange(port: Int, head: String, body: [UInt8] = []) async throws -> String {
        let connection = try RawHTTPConnection(port: port, timeout: 60)
        await connection.send(Array(head.utf8) + body)
        return await connection.receive()
    }

    private func offThePool<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }

    // MARK: - Blocking socket calls

    private func sendNow(_ bytes: [UInt8]) -> Bool {
        var array = bytes
        var offset = 0
        while offset < array.count {
            let sent = array.withUnsafeMutableBytes { Glibc.send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    private func receiveNow(limit: Int, stopWhenComplete: Bool = true) -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while received.count < limit {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
            if stopWhenComplete, let text = String(bytes: received, encoding: .utf8), Self.isComplete(text) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    private func waitForCloseNow() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 { continue }
            return count == 0 || errno == ECONNRESET
        }
    }

    /// Whether a response with a Content-Length has all of its body.
    private static func isComplete(_ text: String) -> Bool {
        guard let headerEnd = text.range(of: "\r\n\r\n") else { return false }
        let head = text[..<headerEnd.lowerBound].lowercased()
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
            let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return head.hasPrefix("http/1.1 204") || head.hasPrefix("http/1.1 304") }
        return text[headerEnd.upperBound...].utf8.count >= length
    }
}
