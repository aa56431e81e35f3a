/// A bounded, thread-safe memo of values computed from one served revision.
///
/// Each ``ServedCatalog`` owns its memos, so nothing computed for one revision is ever served
/// for another. When full it starts over, so hostile inputs cost what they would cost without it
/// and memory stays bounded. A value is computed outside the lock: two requests that miss at
/// once both compute it (the same value), and neither waits for the other.
///
/// For example:
///
/// ```swift
/// let bodies = RevisionMemo<EntryKey, Data>(capacity: 1_024)
/// let body = bodies.value(for: key) { encode(key) }
/// ```
final class RevisionMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    let capacity: Int
    /// A read–write lock: the memo is read on every request from every event loop and written on a
    /// miss (a batch of 50 describes reads it 50 times). Not `Synchronization.Mutex` or ErrataCore's
    /// `Locked`, which readers would queue on; and not generic across modules, so it is specialized here.
    private let storage = ReadWriteLockedValue(Storage())

    private struct Storage: Sendable {
        var values: [Key: Value] = [:]
        /// False once the memo is emptied for good: values are still computed, no longer kept.
        var keepsValues = true
    }

    /// - Parameter capacity: The most values kept.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value for `key`, computed by `make` the first time.
    func value<Failure: Error>(for key: Key, make: () throws(Failure) -> Value) throws(Failure) -> Value {
        if let known = storage.withReadLock({ $0.values[key] }) { return known }
        let value = try make()
        storage.withWriteLock { storage in
            guard storage.keepsValues else { return }
            if storage.values.count >= capacity { storage.values.removeAll(keepingCapacity: true) }
            storage.values[key] = value
        }
        return value
    }

    /// Forgets every value kept, freeing their memory.
    ///
    /// - Parameter forGood: Whether values computed later are not kept either.
    func removeAll(forGood: Bool = false) {
        storage.withWriteLock { storage in
            storage.values = [:]
            if forGood { storage.keepsValues = false }
        }
    }

    /// How many values are kept.
    var count: Int {
        storage.withReadLock { $0.values.count }
    }
}
