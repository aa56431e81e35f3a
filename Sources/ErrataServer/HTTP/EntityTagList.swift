import ErrataCore

/// The entity tags of an `If-None-Match` header (RFC 9110 §13.1.2), compared weakly.
///
/// For example, `W/"r3-en", "r4-en"` matches the tag `"r4-en"`, and `*` matches any tag.
struct EntityTagList: Sendable {
    private let tags: [Substring]
    private let matchesAny: Bool

    init(_ header: String?) {
        guard let header else {
            tags = []
            matchesAny = false
            return
        }
        let elements = header.prefix(4_096).split(separator: ",").map { $0.trimmingOptionalWhitespace() }
        matchesAny = elements.contains("*")
        tags = elements.map { $0.hasPrefix("W/") ? $0.dropFirst(2) : $0 }
    }

    /// Whether the list names `etag` (weak comparison: `W/` is ignored on both sides).
    func contains(_ etag: String) -> Bool {
        let opaque = etag.hasPrefix("W/") ? Substring(etag.dropFirst(2)) : Substring(etag)
        return matchesAny || tags.contains(opaque)
    }
}
