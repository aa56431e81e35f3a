package import ServiceLifecycle

/// A service that marks ``Readiness`` as draining as soon as graceful shutdown begins.
///
/// Run it after the application in the same `ServiceGroup`: a group shuts its services down in
/// reverse order, so readiness flips before the server stops accepting connections.
package struct DrainSignal: Service {
    let readiness: Readiness

    package init(readiness: Readiness) {
        self.readiness = readiness
    }

    package func run() async throws {
        // Cancellation ends the wait too: the process is going away either way.
        try? await gracefulShutdown()
        readiness.beginDraining()
    }
}
