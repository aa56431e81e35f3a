/// Requests waiting for a revision newer than the one they hold: `wait` on the delta feed.
///
/// Kept inside ``LiveCatalog``'s lock, so that checking the served revision and starting to wait are
/// one step, and a publish can never slip between them unseen.
struct RevisionWaiters: Sendable {
    private var waiting: [UInt64: (after: Int, continuation: CheckedContinuation<Void, Never>)] = [:]
    /// Waiters cancelled before they started waiting: they must not start.
    private var cancelled: Set<UInt64> = []
    private var lastID: UInt64 = 0

    /// How many requests are waiting now.
    var count: Int { waiting.count }

    /// A new waiter's identity.
    mutating func makeID() -> UInt64 {
        lastID += 1
        return lastID
    }

    /// Starts waiting for a revision newer than `revision`.
    ///
    /// - Returns: `false` when the waiter was cancelled already: it must not wait.
    mutating func add(_ id: UInt64, after revision: Int, continuation: CheckedContinuation<Void, Never>) -> Bool {
        guard cancelled.remove(id) == nil else { return false }
        waiting[id] = (revision, continuation)
        return true
    }

    /// Stops the waiter `id`: its continuation to resume if it is waiting; otherwise it is marked so
    /// that it never starts.
    mutating func cancel(_ id: UInt64) -> CheckedContinuation<Void, Never>? {
        guard let waiter = waiting.removeValue(forKey: id) else {
            cancelled.insert(id)
            return nil
        }
        return waiter.continuation
    }

    /// Removes the waiters that `revision` satisfies, and returns their continuations to resume.
    mutating func takeSatisfied(by revision: Int) -> [CheckedContinuation<Void, Never>] {
        let satisfied = waiting.filter { $0.value.after < revision }
        for id in satisfied.keys { waiting[id] = nil }
        return satisfied.values.map(\.continuation)
    }

    /// Forgets everything about the waiter `id`, once its wait is over.
    mutating func forget(_ id: UInt64) {
        cancelled.remove(id)
        waiting[id] = nil
    }
}
