import ErrataTestSupport
import Foundation

/// A real `errata-server` process on an ephemeral loopback port, for crash and restart tests.
final class ServerProcess: Sendable {
    let process: ChildProcess
    /// Where it listens, from the line it prints: `http://127.0.0.1:PORT`.
    let baseURL: URL
    let port: Int
    private let run: CapturedRun

    /// Starts `errata-server serve --port 0` with further `arguments`, in this process's environment
    /// less its `ERRATA_*` variables and with `environment`'s (``ServerCommandTests/environment(_:)``), and waits (at most 60 s: a bound
    /// for a failure, generous for a machine busy with the rest of the suite) for the line on standard
    /// output that says where it listens.
    ///
    /// Every wait here and in ``exited()`` leaves the concurrency pool's threads free: it has one
    /// thread per core, and the rest of the suite runs on it meanwhile.
    /// A `database` or `localizations` of nil is not named on the command line.
    init(database: String?, localizations: URL?, arguments: [String] = [], environment: [String: String] = [:]) async throws {
        let run = try CapturedRun(
            executable: ServerCommandTests.executable,
            arguments: ["serve", "--port", "0", "--log-level", "error"]
                + (database.map { ["--database", $0] } ?? []) + (localizations.map { ["--localizations", $0.path] } ?? []) + arguments,
            environment: ServerCommandTests.environment(environment)
        )
        let deadline = Date().addingTimeInterval(60)
        var baseURL: URL?
        while baseURL == nil, Date() < deadline, run.process.isRunning {
            baseURL = Self.listeningAddress(in: run.output)
            if baseURL == nil { try await Task.sleep(for: .milliseconds(20)) }
        }
        // Once more: on a loaded machine this task can wake up past the deadline after the server
        // has long been listening.
        baseURL = baseURL ?? Self.listeningAddress(in: run.output)
        guard let baseURL, let port = baseURL.port else {
            run.process.send(SIGKILL)
            await run.process.exited()
            let log = run.output + run.errors
            run.remove()
            throw ServerProcessError(log: log)
        }
        self.run = run
        self.process = run.process
        self.baseURL = baseURL
        self.port = port
    }

    deinit {
        run.remove()
    }

    /// Waits for the process to end, without blocking a thread.
    func exited() async {
        await process.exited()
    }

    /// Ends the process at once, as a power cut or OOM kill would: no shutdown code runs.
    func kill() {
        process.send(SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        process.send(SIGTERM)
        process.waitUntilExit()
    }

    /// The address in `errata-server: listening on http://HOST:PORT`, once that line is complete.
    static func listeningAddress(in output: String) -> URL? {
        let prefix = "errata-server: listening on "
        guard let line = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().first(where: { $0.hasPrefix(prefix) }) else {
            return nil
        }
        return URL(string: String(line.dropFirst(prefix.count)))
    }
}

struct ServerProcessError: Error, CustomStringConvertible {
    var log: String
    var description: String { "errata-server did not start:\n\(log)" }
}
