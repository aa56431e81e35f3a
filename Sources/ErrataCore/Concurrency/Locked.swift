import Foundation

/// A value guarded by a lock, for state shared across tasks and threads.
///
/// What `Synchronization.Mutex` does, written here because `Mutex` needs macOS 15 and iOS 18, and
/// ErrataClient serves apps on older systems.
///
/// ```swift
/// let current = Locked(0)
/// current.withLock { $0 += 1 }
/// ```
///
/// `@unchecked Sendable` is sound for the reason it is in `Mutex` and NIO's `NIOLockedValueBox`:
/// the value is reachable only inside ``withLock(_:)``, while the lock is held, and it is itself `Sendable`.
package final class Locked<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    package init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value, holding the lock; keep `body` short and never `await` in it.
    package func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
