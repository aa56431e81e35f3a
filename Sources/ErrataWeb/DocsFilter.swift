public import ErrataCore

/// What `GET /docs?q=&status=&retry=&origin=` narrows the list to.
package struct DocsFilter: Hashable, Sendable {
    /// Words that must all appear in the code, its aliases, the variant, the message or the service's message, ignoring case.
    package var query: String
    package var httpStatus: Int?
    package var retry: RetryClass?
    /// The set of codes: the service's own, S3-standard or generic answers.
    package var origin: EntryOrigin?

    package init(query: String = "", httpStatus: Int? = nil, retry: RetryClass? = nil, origin: EntryOrigin? = nil) {
        self.query = query
        self.httpStatus = httpStatus
        self.retry = retry
        self.origin = origin
    }

    /// Whether the filter shows every error.
    package var isEmpty: Bool {
        words.isEmpty && httpStatus == nil && retry == nil && origin == nil
    }

    private var words: [Substring] {
        query.lowercased().split(whereSeparator: \.isWhitespace)
    }

    /// The text searched for an error, lowercased; the page's script searches the same text.
    ///
    /// It holds the entry's aliases, so that searching `NoSuchBucketPolicy` finds `NotSuchBucketPolicy`.
    static func searchText(_ description: ErrorDescription, aliases: [ErrorCode]) -> String {
        ([description.code.rawValue] + aliases.map(\.rawValue) + [description.variant?.rawValue ?? "", description.message, description.serviceMessage])
            .joined(separator: " ").lowercased()
    }

    func matches(_ description: ErrorDescription, aliases: [ErrorCode]) -> Bool {
        if let httpStatus, description.httpStatus != httpStatus { return false }
        if let retry, description.retry != retry { return false }
        if let origin, description.origin != origin { return false }
        let text = Self.searchText(description, aliases: aliases)
        return words.allSatisfy { text.contains($0) }
    }
}
