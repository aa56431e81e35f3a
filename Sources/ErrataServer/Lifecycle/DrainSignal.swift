import ServiceLifecycle

/// A service that marks ``Readiness`` as draining as soon as graceful shutdown begins.
///
/// Run it after the application in the same `ServiceGroup`: a group shuts its services down in
/// reverse order, so readiness flips before the server stops accepting connections, and the
/// server keeps accepting for `delay` more, long enough for a load balancer to see the `503`.
package struct DrainSignal: Service {
    let readiness: Readiness
    let delay: Duration

    package init(readiness: Readiness, delay: Duration = .zero) {
        self.readiness = readiness
        self.delay = delay
    }

    package func run() async throws {
        // Cancellation ends either wait: the process is going away at once then.
        try? await gracefulShutdown()
        readiness.beginDraining()
        try? await Task.sleep(for: delay)
    }
}
