import Foundation
import Synchronization

/// A real `errata-server` process on an ephemeral loopback port, for crash and restart tests.
final class ServerProcess: Sendable {
    let process: Process
    let port: Int

    /// Starts `errata-server serve --port 0` and waits (at most 15 s) until it says where it listens.
    init(database: String, localizations: URL) throws {
        let process = Process()
        process.executableURL = ServerCommandTests.executable
        process.arguments = ["serve", "--port", "0", "--database", database, "--localizations", localizations.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let output = LockedValue("")
        errors.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            output.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(15)
        var port: Int?
        while port == nil, Date() < deadline, process.isRunning {
            port = output.withLock { Self.listeningPort(in: $0) }
            if port == nil { usleep(20_000) }
        }
        guard let port else {
            process.terminate()
            throw ServerProcessError(log: output.withLock { $0 })
        }
        self.process = process
        self.port = port
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Ends the process at once, as a power cut or OOM kill would: no shutdown code runs.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    private static func listeningPort(in log: String) -> Int? {
        guard let range = log.range(of: "listening on 127.0.0.1:") else { return nil }
        return Int(log[range.upperBound...].prefix { $0.isNumber })
    }
}

struct ServerProcessError: Error, CustomStringConvertible {
    var log: String
    var description: String { "errata-server did not start:\n\(log)" }
}

/// A value shared between tasks and callbacks behind a lock.
final class LockedValue<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) {
        mutex = Mutex(value)
    }

    func withLock<Result: Sendable>(_ body: (inout sending Value) throws -> sending Result) rethrows -> Result {
        try mutex.withLock(body)
    }
}
