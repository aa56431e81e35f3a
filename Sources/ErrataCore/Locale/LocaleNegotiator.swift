/// Chooses the catalog locale to serve from what a client asked for.
///
/// An explicit locale wins, then `Accept-Language` in weight order, then the default locale.
/// Each requested range is matched by RFC 4647 lookup (truncating from the end) after
/// Chinese region tags are mapped to their script: `zh-CN`, `zh-SG` → `zh-Hans`;
/// `zh-TW`, `zh-HK`, `zh-MO` → `zh-Hant`.
///
/// For example:
///
/// ```swift
/// let negotiator = LocaleNegotiator(available: ["en", "zh-Hans", "zh-Hant"])
/// negotiator.negotiate(explicit: nil, acceptLanguage: "zh-TW,zh;q=0.8")
/// // LocaleNegotiation(locale: zh-Hant, fallback: false)
/// ```
public struct LocaleNegotiator: Sendable {
    /// The locales that can be served, in catalog order.
    public let available: [LanguageTag]
    /// The locale served when nothing requested matches.
    public let defaultLocale: LanguageTag
    private let availableByLowercase: [String: LanguageTag]

    public init(available: [LanguageTag], defaultLocale: LanguageTag = .english) {
        self.available = available
        self.defaultLocale = defaultLocale
        self.availableByLowercase = Dictionary(
            available.map { ($0.rawValue.lowercased(), $0) },
            uniquingKeysWith: { first, _ in first }
        )
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
            if let tag = LanguageTag(rawValue: explicit), let match = lookup(tag, excluding: []) {
                return LocaleNegotiation(locale: match, fallback: false)
            }
        }
        if let acceptLanguage, !acceptLanguage.isEmpty {
            let header = AcceptLanguage(acceptLanguage)
            askedForSomething = true
            let excluded = Set(header.excluded.compactMap { lookup($0, excluding: []) })
            for element in header.preferred {
                guard let range = element.range else {
                    // `*` accepts any locale the client did not refuse.
                    if let any = ([defaultLocale] + available).first(where: { !excluded.contains($0) }) {
                        return LocaleNegotiation(locale: any, fallback: false)
                    }
                    continue
                }
                if let match = lookup(range, excluding: excluded) {
                    return LocaleNegotiation(locale: match, fallback: false)
                }
            }
        }
        return LocaleNegotiation(locale: defaultLocale, fallback: askedForSomething)
    }

    /// RFC 4647 lookup of one range against the available locales.
    ///
    /// - Returns: The matching locale, or `nil` when no truncation of the range is available.
    public func lookup(_ range: LanguageTag, excluding excluded: Set<LanguageTag>) -> LanguageTag? {
        var candidate: LanguageTag? = Self.applyingChineseScript(to: range)
        while let current = candidate {
            if let match = availableByLowercase[current.rawValue.lowercased()], !excluded.contains(match) {
                return match
            }
            candidate = current.truncated
        }
        return nil
    }

    /// The RFC 4647 fallback chain of a served locale: its truncations, then the default unless the
    /// default already is one of them (`zh-Hant-TW`, `zh-Hant`, `zh`, `en`; with default `en-US`,
    /// `en-US-x-foo`, `en-US`, `en`).
    public func fallbackChain(for locale: LanguageTag) -> [LanguageTag] {
        var chain: [LanguageTag] = []
        var candidate: LanguageTag? = locale
        while let current = candidate {
            chain.append(current)
            candidate = current.truncated
        }
        if !chain.contains(defaultLocale) { chain.append(defaultLocale) }
        return chain
    }

    // MARK: - Chinese scripts

    private static let traditionalRegions: Set<Substring> = ["TW", "HK", "MO"]

    /// Inserts the script Chinese readers of a region use: `zh-TW` → `zh-Hant-TW`, `zh` → `zh-Hans`.
    static func applyingChineseScript(to tag: LanguageTag) -> LanguageTag {
        guard tag.language == "zh", tag.script == nil else { return tag }
        let script = tag.region.map { traditionalRegions.contains($0) } == true ? "Hant" : "Hans"
        var subtags = tag.subtags.map(String.init)
        subtags.insert(script, at: 1)
        return LanguageTag(rawValue: subtags.joined(separator: "-")) ?? tag
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
