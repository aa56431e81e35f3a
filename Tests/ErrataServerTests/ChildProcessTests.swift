import ErrataTestSupport
import Foundation
import Testing

/// The spawn every test of an executable goes through: what the child gets, and how its end is told.
@Suite struct ChildProcessTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")

    @Test func childGetsItsInputAndEnvironmentAndNoOtherDescriptor() throws {
        // Not close-on-exec, like a descriptor some library opened carelessly: still not the child's.
        let descriptor = open("/dev/null", O_RDONLY)
        #expect(descriptor > 2)
        defer { close(descriptor) }
        let run = try CapturedRun(
            executable: Self.shell, arguments: ["-c", "cat; echo \"$GREETING\"; ls /proc/$$/fd; echo logged >&2"],
            environment: ["GREETING": "hello"], input: Data("typed\n".utf8)
        )
        defer { run.remove() }
        #expect(run.process.waitUntilExit() == 0)
        #expect(run.process.terminationReason == .exit)
        #expect(run.output.split(separator: "\n") == ["typed", "hello", "0", "1", "2"])
        #expect(run.errors == "logged\n")
    }

    @Test func exitStatusAndSignalAreTold() async throws {
        let failing = try CapturedRun(executable: Self.shell, arguments: ["-c", "exit 3"], environment: [:])
        defer { failing.remove() }
        #expect(await failing.process.exited() == 3)
        #expect(failing.process.terminationReason == .exit)

        let sleeping = try CapturedRun(executable: Self.shell, arguments: ["-c", "exec sleep 60"], environment: [:])
        defer { sleeping.remove() }
        #expect(sleeping.process.isRunning)
        sleeping.process.send(SIGKILL)
        #expect(await sleeping.process.exited() == SIGKILL)
        #expect(sleeping.process.terminationReason == .uncaughtSignal)
        #expect(!sleeping.process.isRunning)
    }

    @Test func aMissingExecutableIsAnError() {
        #expect(throws: SpawnError.self) {
            try CapturedRun(executable: URL(fileURLWithPath: "/nonexistent/errata"), arguments: [], environment: [:])
        }
    }
}
