import ErrataCore

/// Whether the process has begun shutting down, for `GET /readyz`.
///
/// ``DrainSignal`` marks it when graceful shutdown begins, so a load balancer polling `/readyz`
/// stops sending new requests while the in-flight ones finish.
package final class Readiness: Sendable {
    private let draining = Locked(false)

    package init() {}

    /// Whether graceful shutdown has begun.
    package var isDraining: Bool { draining.withLock { $0 } }

    /// Marks the process as shutting down; `/readyz` answers 503 from then on.
    package func beginDraining() {
        draining.withLock { $0 = true }
    }
}
