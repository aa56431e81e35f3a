import ServiceLifecycle

/// Runs `tick` every `interval` until a graceful shutdown or cancellation of the calling task.
///
/// The wait between ticks ends at once on shutdown, so a service built on it stops promptly.
func repeatUntilShutdown(every interval: Duration, _ tick: () async -> Void) async {
    while (try? await cancelWhenGracefulShutdown({ try await Task.sleep(for: interval) })) != nil {
        await tick()
    }
}
