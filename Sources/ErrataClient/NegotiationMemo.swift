import ErrataCore

/// The locale negotiations a client already made against one snapshot, by the locale string asked for.
///
/// Negotiating an explicit locale parses and canonicalizes the tag (about a microsecond and a score of
/// allocations); an app asks for the same few locales over and over, so each is negotiated once per
/// catalog. The answer depends only on the snapshot's locales, so a new snapshot starts a new memo.
struct NegotiationMemo: Sendable {
    // Bounds the memory an app passing ever-new strings can hold; cleared, not evicted, when full.
    private static let capacity = 64
    private static let maximumKeyLength = 64

    private var negotiations: [String: LocaleNegotiation] = [:]

    /// The negotiation remembered for `locale`, if any.
    subscript(locale: String) -> LocaleNegotiation? {
        negotiations[locale]
    }

    /// Remembers the negotiation of `locale`.
    mutating func remember(_ negotiation: LocaleNegotiation, for locale: String) {
        guard locale.utf8.count <= Self.maximumKeyLength else { return }
        if negotiations.count >= Self.capacity { negotiations.removeAll(keepingCapacity: true) }
        negotiations[locale] = negotiation
    }
}
