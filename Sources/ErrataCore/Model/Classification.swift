/// What a client should do about retrying a failed storage request, following what AWS SDKs do.
public enum RetryClass: String, CaseIterable, Codable, Hashable, Sendable {
    /// Retrying the same request cannot succeed; the request or the account must change first.
    case never
    /// A transient failure: retry with exponential backoff.
    case retryable
    /// The service asks for a lower request rate: back off with jitter before retrying.
    case throttling
}

/// Who has to act to fix the error.
public enum Fault: String, CaseIterable, Codable, Hashable, Sendable {
    case client
    case server
}

/// A coarse grouping of error codes for filtering, such as `auth` or `upload`.
public struct ErrorCategory: StringIdentifier {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}
