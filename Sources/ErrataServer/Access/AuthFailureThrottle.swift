import ErrataCore

/// Slows down guessing of tokens: after too many failed authentications from one address within
/// a window, that address is refused until the window has passed.
///
/// Times come from the monotonic clock, so a wall-clock step neither lifts nor extends a refusal.
final class AuthFailureThrottle: Sendable {
    typealias Instant = ContinuousClock.Instant

    let maximumFailures: Int
    let window: Duration
    /// Failure times by client address, oldest first.
    private let failures = Locked<[String: [Instant]]>([:])

    init(maximumFailures: Int = 10, window: Duration = .seconds(60)) {
        self.maximumFailures = maximumFailures
        self.window = window
    }

    /// How long `peer` must wait before trying again, or `nil` when it may try now.
    func retryAfter(for peer: String, now: Instant = .now) -> Duration? {
        failures.withLock { failures in
            guard let recent = failures[peer]?.filter({ now - $0 < window }), recent.count >= maximumFailures else {
                return nil
            }
            return window - (now - recent[recent.count - maximumFailures])
        }
    }

    /// Records a failed authentication from `peer`.
    func recordFailure(from peer: String, now: Instant = .now) {
        failures.withLock { failures in
            var recent = (failures[peer] ?? []).filter { now - $0 < window }
            recent.append(now)
            failures[peer] = Array(recent.suffix(maximumFailures))
            // Bound memory under a flood of distinct addresses: drop addresses whose window has passed.
            if failures.count > 10_000 {
                failures = failures.filter { $0.value.contains { now - $0 < window } }
            }
        }
    }
}
