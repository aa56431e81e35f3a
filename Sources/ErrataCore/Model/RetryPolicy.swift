/// How a client retries a request that failed with a retryable error: capped exponential backoff.
///
/// The delay before each retry is bounded by `baseDelayMs × 2^(attempt − 1)`, capped at
/// `maxDelayMs`; a client waits a random time up to the bound ("full jitter"), so that many clients
/// that failed together do not retry together. For example, the standard throttling policy allows
/// waits of up to 500 ms after the first attempt and 1 s after the second, then gives up:
///
/// ```swift
/// let policy = RetryPolicy.standard(for: .throttling)!
/// policy.delay(forAttempt: 1)  // 500 ms: the bound; pick a random wait up to it
/// policy.delay(forAttempt: 3)  // nil: three attempts made, none left
/// ```
public struct RetryPolicy: Codable, Hashable, Sendable {
    /// The bound of the delay before the first retry, in milliseconds; it doubles with each retry.
    public var baseDelayMs: Int
    /// The most any delay may be, in milliseconds.
    public var maxDelayMs: Int
    /// How many attempts a request gets in all, the first included: 3 means up to two retries.
    public var maxAttempts: Int
    /// Whether a `Retry-After` the failed response carried is the delay to wait instead of the backoff.
    public var honorRetryAfter: Bool

    public init(baseDelayMs: Int, maxDelayMs: Int, maxAttempts: Int, honorRetryAfter: Bool) {
        self.baseDelayMs = baseDelayMs
        self.maxDelayMs = maxDelayMs
        self.maxAttempts = maxAttempts
        self.honorRetryAfter = honorRetryAfter
    }

    /// The policy of a retry class when the catalog sets none: the AWS SDKs' standard retry mode
    /// (3 attempts, delays capped at 20 s) with the AWS SDK for Java's base delays (100 ms, and
    /// 500 ms when throttled); `nil` for ``RetryClass/never``.
    public static func standard(for retry: RetryClass) -> RetryPolicy? {
        switch retry {
        case .never: nil
        case .retryable: RetryPolicy(baseDelayMs: 100, maxDelayMs: 20_000, maxAttempts: 3, honorRetryAfter: true)
        case .throttling: RetryPolicy(baseDelayMs: 500, maxDelayMs: 20_000, maxAttempts: 3, honorRetryAfter: true)
        }
    }

    // MARK: - Delays

    /// The longest wait before retrying after attempt number `attempt` failed, or `nil` when no attempt is left.
    ///
    /// - Parameter attempt: How many attempts were made, the failed one included: 1 after the first.
    /// - Returns: `min(baseDelayMs × 2^(attempt − 1), maxDelayMs)` milliseconds, the bound to draw a
    ///   random wait under; `nil` when `attempt` is below 1 or reached ``maxAttempts``.
    public func delay(forAttempt attempt: Int) -> Duration? {
        delayBoundMs(forAttempt: attempt).map { .milliseconds($0) }
    }

    /// A random wait up to ``delay(forAttempt:)`` ("full jitter"), or `nil` when no attempt is left.
    ///
    /// - Parameters:
    ///   - attempt: How many attempts were made, the failed one included.
    ///   - generator: The source of randomness; a seeded one makes the waits reproducible in tests.
    public func delay(forAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration? {
        delayBoundMs(forAttempt: attempt).map { .milliseconds(Int.random(in: 0...$0, using: &generator)) }
    }

    private func delayBoundMs(forAttempt attempt: Int) -> Int? {
        guard attempt >= 1, attempt < maxAttempts else { return nil }
        var bound = max(baseDelayMs, 0)
        var doublings = attempt - 1
        // Doubling stops at the cap, so a huge attempt number neither loops long nor overflows.
        while doublings > 0, bound > 0, bound < maxDelayMs {
            bound = bound > maxDelayMs / 2 ? maxDelayMs : bound * 2
            doublings -= 1
        }
        return min(bound, maxDelayMs)
    }

    /// The problems of a policy's numbers, empty when they are usable.
    public var problems: [String] {
        var problems: [String] = []
        if baseDelayMs < 1 { problems.append("baseDelayMs \(baseDelayMs) is less than 1") }
        if maxDelayMs < baseDelayMs { problems.append("maxDelayMs \(maxDelayMs) is less than baseDelayMs \(baseDelayMs)") }
        if maxAttempts < 1 { problems.append("maxAttempts \(maxAttempts) is less than 1") }
        return problems
    }
}

/// The catalog's retry policy for each class that is retried; a class without one uses ``RetryPolicy/standard(for:)``.
///
/// In `catalog.json`: `"retryPolicies": {"retryable": {"baseDelayMs": 100, ...}, "throttling": {...}}`.
public struct RetryPolicies: Codable, Hashable, Sendable {
    public var retryable: RetryPolicy?
    public var throttling: RetryPolicy?

    public init(retryable: RetryPolicy? = nil, throttling: RetryPolicy? = nil) {
        self.retryable = retryable
        self.throttling = throttling
    }

    /// Whether the catalog sets no policy at all.
    public var isEmpty: Bool { retryable == nil && throttling == nil }

    /// The policy the catalog sets for a class; `nil` when it sets none (always for ``RetryClass/never``).
    public subscript(retry: RetryClass) -> RetryPolicy? {
        get {
            switch retry {
            case .never: nil
            case .retryable: retryable
            case .throttling: throttling
            }
        }
        set {
            switch retry {
            case .never: break
            case .retryable: retryable = newValue
            case .throttling: throttling = newValue
            }
        }
    }

    /// The policy of an entry: its own, else this catalog's for its class, else the standard one;
    /// `nil` for an entry that is never retried, whatever it says.
    public func policy(for entry: CatalogEntry) -> RetryPolicy? {
        guard entry.retry != .never else { return nil }
        return entry.retryPolicy ?? self[entry.retry] ?? .standard(for: entry.retry)
    }
}
