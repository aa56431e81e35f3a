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
public struct ErrorCategory: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: ErrorCategory, rhs: ErrorCategory) -> Bool { lhs.rawValue < rhs.rawValue }
}
