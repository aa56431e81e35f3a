/// Chooses the catalog locale to serve from what a client asked for.
///
/// An explicit locale wins, then `Accept-Language` in weight order, then the default locale.
/// Each requested tag is matched as CLDR language matching does: both sides are maximized with
/// likely subtags (`zh-TW` is `zh-Hant-TW`, `yue` is `yue-Hant-HK`, `ja` is `ja-Jpan-JP`) and the
/// catalog locale at the smallest CLDR language distance wins, catalog order breaking ties, if it
/// is no farther than 25 (CLDR's and langcodes' threshold). A catalog locale named exactly always
/// wins. The first requested tag with such a match decides.
///
/// For example:
///
/// ```swift
/// let negotiator = LocaleNegotiator(available: ["en", "zh-Hans", "zh-Hant"])
/// negotiator.negotiate(explicit: nil, acceptLanguage: "yue-HK,zh;q=0.8")
/// // LocaleNegotiation(locale: zh-Hant, fallback: false)
/// ```
public struct LocaleNegotiator: Sendable {
    /// The locales that can be served, in catalog order.
    public let available: [LanguageTag]
    /// The locale served when nothing requested matches.
    public let defaultLocale: LanguageTag
    private let availableByLowercase: [String: LanguageTag]
    /// Each available locale maximized once, in catalog order, for the distances of every request.
    private let maximizedAvailable: [(tag: LanguageTag, maximized: MaximizedLocale)]

    public init(available: [LanguageTag], defaultLocale: LanguageTag = .english) {
        self.available = available
        self.defaultLocale = defaultLocale
        self.availableByLowercase = Dictionary(
            available.map { ($0.rawValue.lowercased(), $0) },
            uniquingKeysWith: { first, _ in first }
        )
        self.maximizedAvailable = available.map { ($0, MaximizedLocale($0)) }
    }

    /// Chooses the locale to serve.
    ///
    /// - Parameters:
    ///   - explicit: A locale named by the caller (`?locale=` or a `locale` param); wins when it matches.
    ///   - acceptLanguage: The `Accept-Language` header, if any.
    /// - Returns: The locale, and whether it is a fallback because nothing the caller asked for matched.
    public func negotiate(explicit: String?, acceptLanguage: String?) -> LocaleNegotiation {
        var askedForSomething = false
        if let explicit, !explicit.isEmpty {
            askedForSomething = true
            if let tag = LanguageTag(rawValue: explicit), let match = bestMatch(for: tag, excluding: []) {
                return LocaleNegotiation(locale: match, fallback: false)
            }
        }
        if let acceptLanguage, !acceptLanguage.isEmpty {
            let header = AcceptLanguage(acceptLanguage)
            askedForSomething = true
            let excluded = Set(header.excluded.compactMap { bestMatch(for: $0, excluding: []) })
            for element in header.preferred {
                guard let range = element.range else {
                    // `*` accepts any locale the client did not refuse.
                    if let any = ([defaultLocale] + available).first(where: { !excluded.contains($0) }) {
                        return LocaleNegotiation(locale: any, fallback: false)
                    }
                    continue
                }
                if let match = bestMatch(for: range, excluding: excluded) {
                    return LocaleNegotiation(locale: match, fallback: false)
                }
            }
        }
        return LocaleNegotiation(locale: defaultLocale, fallback: askedForSomething)
    }

    /// The available locale closest to `desired` by CLDR language distance.
    ///
    /// - Returns: The locale itself when it is available; else the nearest one within
    ///   the threshold, 25 (the first in catalog order among equals), or `nil`.
    public func bestMatch(for desired: LanguageTag, excluding excluded: Set<LanguageTag>) -> LanguageTag? {
        if let exact = availableByLowercase[desired.rawValue.lowercased()], !excluded.contains(exact) {
            return exact
        }
        let maximized = MaximizedLocale(desired)
        var best: (tag: LanguageTag, distance: Int)?
        for candidate in maximizedAvailable where !excluded.contains(candidate.tag) {
            let distance = LanguageDistance.between(desired: maximized, supported: candidate.maximized)
            if distance <= LanguageDistance.threshold, distance < best?.distance ?? .max {
                best = (candidate.tag, distance)
            }
        }
        return best?.tag
    }

    /// The locales whose texts stand in for a missing text of `locale`, nearest first, ending in the
    /// default locale: its truncations that keep its script (CLDR parent locales: `zh-Hant-TW`,
    /// `zh-Hant`, then `en`, never `zh`, which is Simplified), then the default.
    public func fallbackChain(for locale: LanguageTag) -> [LanguageTag] {
        let script = MaximizedLocale(locale).script
        var chain: [LanguageTag] = [locale]
        var candidate = locale.truncated
        while let current = candidate {
            if MaximizedLocale(current).script == script { chain.append(current) }
            candidate = current.truncated
        }
        if !chain.contains(defaultLocale) { chain.append(defaultLocale) }
        return chain
    }
}

/// The outcome of locale negotiation.
public struct LocaleNegotiation: Hashable, Sendable {
    /// The locale to serve.
    public var locale: LanguageTag
    /// Whether the caller asked for locales and none of them matched.
    public var fallback: Bool

    public init(locale: LanguageTag, fallback: Bool) {
        self.locale = locale
        self.fallback = fallback
    }
}
