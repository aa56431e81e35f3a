import ErrataCore
package import Foundation

/// A child process started with `posix_spawn`, for tests that run this package's executables.
///
/// Not `Foundation.Process`: on Linux its `run()` in Swift 6.3.1 lists `/proc/self/fd` to find the
/// descriptors to close, and copies each entry's whole 256-byte `d_name`, reading past glibc's `readdir`
/// buffer; now and then that crashes the whole test process with SIGSEGV (swift-corelibs-foundation
/// PR #5472, not in 6.3.1). This spawn has the child close every descriptor above standard error itself.
package final class ChildProcess: Sendable {
    /// How a child ended, as `Foundation.Process` says it.
    package enum TerminationReason: Sendable {
        case exit
        case uncaughtSignal
    }

    package let processIdentifier: pid_t
    private let termination = Locked<(reason: TerminationReason, status: Int32)?>(nil)
    /// Left once the child has been reaped: what both kinds of wait wait for.
    private let reaped = DispatchGroup()

    /// Starts `executable` with `arguments` and exactly `environment`, its standard input, output and error
    /// opened from the given files (output and error created or truncated), no other descriptor inherited,
    /// and every signal at its default disposition, unblocked.
    package init(
        executable: URL, arguments: [String], environment: [String: String],
        standardInput: URL, standardOutput: URL, standardError: URL
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        try Self.check("open \(standardInput.path)", posix_spawn_file_actions_addopen(&actions, 0, standardInput.path, O_RDONLY, 0))
        for (descriptor, file) in [(Int32(1), standardOutput), (2, standardError)] {
            try Self.check("open \(file.path)", posix_spawn_file_actions_addopen(&actions, descriptor, file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644))
        }
        try Self.check("close inherited descriptors", Self.addCloseFrom(&actions, 3))

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A test process may block or ignore signals (SIGPIPE, say); a child inherits both across exec.
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var processIdentifier = pid_t()
        try Self.check("spawn \(executable.path)", posix_spawn(&processIdentifier, executable.path, &actions, &attributes, argv, envp))
        self.processIdentifier = processIdentifier

        // A thread of its own blocks in waitpid, so no wait holds a thread of the concurrency pool.
        reaped.enter()
        Thread.detachNewThread { [termination, reaped, processIdentifier] in
            var status: Int32 = 0
            while waitpid(processIdentifier, &status, 0) == -1, errno == EINTR {}
            // WIFEXITED, WEXITSTATUS and WTERMSIG are C macros Swift does not import.
            let signal = status & 0x7f
            termination.withLock { $0 = signal == 0 ? (.exit, (status >> 8) & 0xff) : (.uncaughtSignal, signal) }
            reaped.leave()
        }
    }

    /// Whether the child has not been reaped yet.
    package var isRunning: Bool { termination.withLock { $0 == nil } }

    /// The exit status, or the signal that ended the child; only once it has ended.
    package var terminationStatus: Int32 { ended.status }

    /// Whether the child exited or was ended by a signal; only once it has ended.
    package var terminationReason: TerminationReason { ended.reason }

    private var ended: (reason: TerminationReason, status: Int32) {
        guard let termination = termination.withLock({ $0 }) else { preconditionFailure("process \(processIdentifier) is still running") }
        return termination
    }

    /// Sends `signal` to the child.
    package func send(_ signal: Int32) {
        kill(processIdentifier, signal)
    }

    /// Blocks the calling thread until the child has ended, and returns ``terminationStatus``.
    @discardableResult
    package func waitUntilExit() -> Int32 {
        reaped.wait()
        return terminationStatus
    }

    /// Waits for the child to end without blocking a thread, and returns ``terminationStatus``.
    @discardableResult
    package func exited() async -> Int32 {
        await withCheckedContinuation { continuation in
            reaped.notify(queue: .global()) { continuation.resume() }
        }
        return terminationStatus
    }

    // MARK: - posix_spawn

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34+), looked up at run time: Swift's Glibc
    /// module is imported without `_GNU_SOURCE`, which `spawn.h` declares it under.
    private static func addCloseFrom(_ actions: inout posix_spawn_file_actions_t, _ lowest: Int32) -> Int32 {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let program = dlopen(nil, RTLD_NOW) else { return ENOSYS }
        defer { dlclose(program) }
        guard let symbol = dlsym(program, "posix_spawn_file_actions_addclosefrom_np") else { return ENOSYS }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, lowest)
    }

    private static func check(_ step: String, _ result: Int32) throws {
        guard result == 0 else { throw SpawnError(step: step, code: result) }
    }
}

/// A `posix_spawn` step that failed, with its error number.
package struct SpawnError: Error, CustomStringConvertible {
    package var step: String
    package var code: Int32
    package var description: String { "cannot \(step): \(String(cString: strerror(code)))" }
}
