import ErrataCore

/// Remembers the outcome of locale negotiation per (`?locale=`, `Accept-Language`) pair for one served revision.
///
/// Clients send few distinct `Accept-Language` values, and negotiating one from scratch (parsing the
/// header, canonicalizing every range, CLDR language matching) costs microseconds: a fifth of the CPU of
/// `GET /v1/errors/{code}` before this cache. Each ``ServedCatalog`` has its own, so a new locale is seen at once.
struct NegotiationCache: Sendable {
    static let capacity = 256
    /// Longer inputs are negotiated every time rather than kept.
    static let maximumKeyLength = 256

    private struct Key: Hashable {
        var explicit: String?
        var acceptLanguage: String?
    }

    private let memo = RevisionMemo<Key, LocaleNegotiation>(capacity: capacity)

    func negotiation(
        explicit: String?, acceptLanguage: String?, negotiate: (String?, String?) -> LocaleNegotiation
    ) -> LocaleNegotiation {
        guard (explicit?.utf8.count ?? 0) + (acceptLanguage?.utf8.count ?? 0) <= Self.maximumKeyLength else {
            return negotiate(explicit, acceptLanguage)
        }
        return memo.value(for: Key(explicit: explicit, acceptLanguage: acceptLanguage)) {
            negotiate(explicit, acceptLanguage)
        }
    }
}
