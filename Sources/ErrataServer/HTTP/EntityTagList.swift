import ErrataCore

/// The entity tags of an `If-None-Match` or `If-Match` header (RFC 9110 §13.1.1 and §13.1.2).
///
/// `If-None-Match` compares weakly: `W/"r3-en", "r4-en"` names the tag `"r4-en"`. `If-Match`
/// compares strongly: a weak tag in it names nothing. In both, `*` names any current representation.
struct EntityTagList: Sendable {
    /// The tags as sent, `W/` included.
    private let tags: [Substring]
    /// Whether the list is `*`.
    let matchesAny: Bool

    init(_ header: String?) {
        guard let header else {
            tags = []
            matchesAny = false
            return
        }
        let elements = header.prefix(4_096).split(separator: ",").map { $0.trimmingOptionalWhitespace() }
        matchesAny = elements.contains("*")
        tags = elements
    }

    /// Whether the list names `etag` in the weak comparison (`W/` is ignored on both sides), as `If-None-Match` compares.
    func contains(_ etag: String) -> Bool {
        matchesAny || tags.contains { Self.opaque($0) == Self.opaque(etag[...]) }
    }

    /// Whether the list names the strong tag `etag` in the strong comparison, as `If-Match` compares.
    func containsStrongly(_ etag: String) -> Bool {
        matchesAny || (!etag.hasPrefix("W/") && tags.contains { $0 == etag[...] })
    }

    /// The strong tags of the list, as sent (a weak tag never matches in the strong comparison).
    var strongTags: [Substring] {
        tags.filter { !$0.hasPrefix("W/") && $0 != "*" }
    }

    private static func opaque(_ tag: Substring) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : tag
    }
}
