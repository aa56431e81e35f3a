package import Foundation

/// A child process whose standard input, output and error are files in a directory of its own.
///
/// Files rather than pipes: a child never blocks on a full pipe while the test waits for it, and the
/// test reads each output whole once the child has ended, in any order.
package struct CapturedRun: Sendable {
    package let process: ChildProcess
    private let directory: URL

    /// Starts `executable` with `arguments`, exactly `environment`, and `input` on its standard input.
    package init(executable: URL, arguments: [String], environment: [String: String], input: Data = Data()) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-run-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            let standardInput = directory.appendingPathComponent("stdin")
            try input.write(to: standardInput)
            process = try ChildProcess(
                executable: executable, arguments: arguments, environment: environment, standardInput: standardInput,
                standardOutput: directory.appendingPathComponent("stdout"), standardError: directory.appendingPathComponent("stderr")
            )
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        self.directory = directory
    }

    /// What the child has printed on its standard output so far.
    package var output: String { read("stdout") }

    /// What the child has written on its standard error so far.
    package var errors: String { read("stderr") }

    /// Removes the directory; the child may still be running.
    package func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    private func read(_ name: String) -> String {
        String(decoding: (try? Data(contentsOf: directory.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
    }
}
