public import ErrataCore

/// What `GET /docs?q=&status=&retry=` narrows the list to.
package struct DocsFilter: Hashable, Sendable {
    /// Words that must all appear in the code, the variant, the message or the service's message, ignoring case.
    package var query: String
    package var httpStatus: Int?
    package var retry: RetryClass?

    package init(query: String = "", httpStatus: Int? = nil, retry: RetryClass? = nil) {
        self.query = query
        self.httpStatus = httpStatus
        self.retry = retry
    }

    /// Whether the filter shows every error.
    package var isEmpty: Bool {
        words.isEmpty && httpStatus == nil && retry == nil
    }

    private var words: [Substring] {
        query.lowercased().split(whereSeparator: \.isWhitespace)
    }

    /// The text searched for an error, lowercased; the page's script searches the same text.
    static func searchText(_ description: ErrorDescription) -> String {
        [description.code.rawValue, description.variant?.rawValue ?? "", description.message, description.serviceMessage]
            .joined(separator: " ").lowercased()
    }

    func matches(_ description: ErrorDescription) -> Bool {
        if let httpStatus, description.httpStatus != httpStatus { return false }
        if let retry, description.retry != retry { return false }
        let text = Self.searchText(description)
        return words.allSatisfy { text.contains($0) }
    }
}
