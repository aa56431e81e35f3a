import Benchmark
import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import Logging
import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `POST /rpc` and `GET /v1/errors/NoSuchKey` sent over a loopback connection to a server running
/// in this process, the same binary with each of its paths: straight from the connection's bytes
/// (`ReadyResponseHandler`), on the event loop after NIO's HTTP decoder (`EventLoopReadHandler`), and
/// through the router. What one request costs the server whole (HTTP parsing, the hand-off to the
/// router or not, dispatch, headers, encoding), which the dispatch benchmarks leave out. The client
/// is a blocking socket that allocates nothing per request, so the malloc counts are the server's.
func registerLoopbackRPC(_ fixture: Fixture, suffix: String) {
    let bodies = DescribeBodies(fixture)
    let paths = [("from bytes", LoopbackServer.Path.fromBytes), ("event loop", .eventLoop), ("router", .router)]
    for (pathName, path) in paths {
        let server = LoopbackServer(fixture: fixture, store: benchmarkStore("loopback-\(pathName)-\(suffix)", logger: LoopbackServer.logger), path: path)
        // wrk cannot time HEAD (it waits for the body the Content-Length announces): it is measured here, beside GET.
        for method in ["GET", "HEAD"] {
            let read = Array("\(method) /v1/errors/NoSuchKey HTTP/1.1\r\nHost: bench\r\nAccept-Language: zh-CN,en;q=0.8\r\n\r\n".utf8)
            Benchmark(
                "\(method) /v1/errors/NoSuchKey over loopback, \(pathName) (\(suffix))",
                closure: { benchmark in
                    for _ in benchmark.scaledIterations {
                        blackHole(server.exchange(read, bodiless: method == "HEAD"))
                    }
                },
                setup: { try await server.start() },
                teardown: { server.stop() }
            )
        }
        for (name, body) in [("one describe", bodies.single), ("a batch of 50 describes", bodies.batch)] {
            let request = Array(
                ("POST /rpc HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body).utf8
            )
            Benchmark(
                "POST /rpc \(name) over loopback, \(pathName) (\(suffix))",
                closure: { benchmark in
                    for _ in benchmark.scaledIterations {
                        blackHole(server.exchange(request))
                    }
                },
                setup: { try await server.start() },
                teardown: { server.stop() }
            )
        }
    }
}

/// An Errata server on a loopback port, and one kept-alive connection to it.
final class LoopbackServer {
    /// The benchmark servers log at warning, as `Benchmarks/http/run.sh` runs them: no request lines.
    static let logger: Logger = {
        var logger = Logger(label: "errata-benchmarks")
        logger.logLevel = .warning
        return logger
    }()

    /// The way requests take through the server.
    enum Path {
        case fromBytes, eventLoop, router
    }

    let fixture: Fixture
    let store: CatalogStore
    let path: Path
    private var task: Task<Void, any Error>?
    private var descriptor: Int32 = -1
    /// Where answers are read; large enough for a batch's.
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)

    init(fixture: Fixture, store: CatalogStore, path: Path) {
        self.fixture = fixture
        self.store = store
        self.path = path
    }

    /// Starts the server, if not yet running, and connects to it.
    func start() async throws {
        guard task == nil else { return }
        let (ports, found) = AsyncStream.makeStream(of: Int.self)
        // The store holds no catalog: the watcher would only log that it finds none.
        let configuration = ServerConfiguration(port: 0, catalogCheckInterval: .seconds(3600))
        let application = buildApplication(
            configuration: configuration, store: store, live: LiveCatalog(fixture.served, logger: Self.logger), logger: Self.logger,
            answersReadsOnEventLoop: path != .router, answersFromBytes: path == .fromBytes, onServerRunning: { address in found.yield(address?.port ?? 0) }
        )
        task = Task { try await application.runService() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { fatalError("the benchmark server did not start") }
        descriptor = Self.connected(toPort: port)
    }

    func stop() {
        close(descriptor)
        task?.cancel()
        task = nil
    }

    /// Sends one request and reads its whole answer (only its head when `bodiless`: a `HEAD`'s); returns the answer's length.
    func exchange(_ request: [UInt8], bodiless: Bool = false) -> Int {
        let sent = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        precondition(sent == request.count, "the benchmark server closed the connection")
        return buffer.withUnsafeMutableBytes { buffer in
            var received = 0
            while true {
                let count = recv(descriptor, buffer.baseAddress! + received, buffer.count - received, 0)
                precondition(count > 0, "the benchmark server closed the connection")
                received += count
                if let length = Self.completeLength(UnsafeRawBufferPointer(rebasing: buffer[..<received]), bodiless: bodiless) { return length }
            }
        }
    }

    /// The length of the answer at the buffer's start once it is all there: head, then `Content-Length` bytes.
    private static func completeLength(_ bytes: UnsafeRawBufferPointer, bodiless: Bool) -> Int? {
        let headEnd: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4, let end = (0...bytes.count - 4).first(where: { bytes[$0..<$0 + 4].elementsEqual(headEnd) }) else { return nil }
        if bodiless { return end + 4 }
        let head = bytes[..<end]
        let name = Array("\r\nContent-Length: ".utf8)
        guard let start = (0...max(0, head.count - name.count)).first(where: { head[$0..<$0 + name.count].elementsEqual(name) }) else {
            return end + 4  // a 204: no body
        }
        var length = 0
        for byte in head[(start + name.count)...] {
            guard (48...57).contains(byte) else { break }
            length = length * 10 + Int(byte - 48)
        }
        let total = end + 4 + length
        return bytes.count >= total ? total : nil
    }

    private static func connected(toPort port: Int) -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        precondition(connected == 0, "cannot connect to the benchmark server on port \(port)")
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        return descriptor
    }
}
