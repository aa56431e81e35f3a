#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value guarded by a read–write lock: any number of readers at once, or one writer.
///
/// For state read on every request from every event loop and written rarely, such as a
/// ``RevisionMemo``: under a mutex, two loops reading at once put one of them to sleep in the kernel
/// and wake it again (a batch of 50 describes reads the describe memo 50 times); readers of a
/// read–write lock only count themselves in. Writers are preferred with glibc, so a steady stream of
/// readers cannot hold off a write.
///
/// For example:
///
/// ```swift
/// let names = ReadWriteLockedValue([String: Int]())
/// names.withWriteLock { $0["NoSuchKey"] = 1 }
/// names.withReadLock { $0["NoSuchKey"] }  // 1
/// ```
///
/// `@unchecked Sendable` is sound as for NIO's `NIOLockedValueBox`: the value is reachable only
/// inside the two `with…` methods, while the lock is held, and it is itself `Sendable`.
final class ReadWriteLockedValue<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    init(_ value: Value) {
        self.value = value
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_rwlock_t())
        var attributes = pthread_rwlockattr_t()
        pthread_rwlockattr_init(&attributes)
        #if canImport(Glibc)
        pthread_rwlockattr_setkind_np(&attributes, Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP))
        #endif
        let initialized = pthread_rwlock_init(lock, &attributes)
        pthread_rwlockattr_destroy(&attributes)
        precondition(initialized == 0, "pthread_rwlock_init failed: \(initialized)")
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deinitialize(count: 1)
        lock.deallocate()
    }

    /// Runs `body` with the value, holding the lock shared with other readers; never `await` in it.
    func withReadLock<Result>(_ body: (borrowing Value) throws -> Result) rethrows -> Result {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body(value)
    }

    /// Runs `body` with the value, holding the lock alone; never `await` in it.
    func withWriteLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body(&value)
    }
}
