// libFuzzer target: the locale matcher (`LocaleNegotiator`) and `LanguageTag` parsing.
//
// Compiled into one module together with every Sources/ErrataCore file (see Fuzz/run.sh).
//
// Input format (UTF-8, invalid bytes repaired), one field per line:
//   line 1: available locales, separated by spaces or commas ("en zh-Hans zh-Hant")
//   line 2: default locale ("en"; `en` when empty or not a tag)
//   line 3: explicit locale (`?locale=`), absent when the line is missing or empty
//   rest:   the Accept-Language header (lines joined with ","), absent when empty
// Every line (and every space/comma separated word) is also tried as a LanguageTag, and as the
// explicit locale and the header against the production catalog's locales (en, zh-Hans, zh-Hant).
//
// Checked:
// - LanguageTag: canonical form is idempotent and round-trips, parsing ignores case and `_` vs `-`,
//   language subtag well-formed, length within `maximumLength`, every truncation is itself canonical;
// - negotiate: the result is an available locale or the default; `fallback` only with the default;
//   nothing asked → (default, no fallback); a matching explicit locale wins; a header match is never
//   a locale the header refused (q=0) and is the best match of one of its ranges (or `*` was sent);
//   deterministic;
// - MaximizedLocale: every tag maximizes to a language, a four-letter script and a region;
// - bestMatch: result is available, not excluded, within the CLDR distance threshold and no farther
//   than any other allowed locale; an available locale is found for itself, explicitly and by header;
// - fallbackChain: starts with the locale, is its truncations of the same maximized script in order,
//   and ends in the default unless the default is itself one of them.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLocaleNegotiation(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    for line in lines {
        checkTag(line)
        for word in line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }) { checkTag(String(word)) }
    }

    let available = (lines.first ?? "")
        .split(whereSeparator: { $0 == " " || $0 == "," })
        .compactMap { LanguageTag(rawValue: String($0)) }
    let defaultLocale = lines.count > 1 ? LanguageTag(rawValue: lines[1]) ?? .english : .english
    let explicit: String? = lines.count > 2 ? lines[2] : nil
    let header: String? = lines.count > 3 ? lines[3...].joined(separator: ",") : nil

    let negotiator = LocaleNegotiator(available: available, defaultLocale: defaultLocale)
    checkNegotiation(negotiator, explicit: explicit, acceptLanguage: header)
    checkNegotiation(negotiator, explicit: nil, acceptLanguage: header)
    checkNegotiation(negotiator, explicit: explicit, acceptLanguage: nil)
    checkNegotiator(negotiator)

    let production = LocaleNegotiator(available: productionLocales)
    for line in lines.prefix(8) {
        checkNegotiation(production, explicit: line, acceptLanguage: nil)
        checkNegotiation(production, explicit: nil, acceptLanguage: line)
    }
    return 0
}

private let productionLocales = ["en", "zh-Hans", "zh-Hant"].map { LanguageTag(rawValue: $0)! }

// MARK: - LanguageTag

private func checkTag(_ string: String) {
    guard let tag = LanguageTag(rawValue: string) else {
        // Case and separators never make a malformed ASCII tag well-formed.
        if string.utf8.allSatisfy({ $0 < 0x80 }) {
            for variant in [string.lowercased(), string.uppercased(), string.replacingOccurrences(of: "_", with: "-")] {
                require(LanguageTag(rawValue: variant) == nil, "\(debug(string)) is refused but \(debug(variant)) is accepted")
            }
        }
        return
    }
    let raw = tag.rawValue
    require(LanguageTag(rawValue: raw) == tag, "\(debug(string)) → \(debug(raw)) does not round-trip")
    require(LanguageTag(rawValue: raw)?.rawValue == raw, "canonical form of \(debug(raw)) is not idempotent")
    require(raw.utf8.count <= LanguageTag.maximumLength && raw.utf8.count <= string.utf8.count)
    require(raw.utf8.allSatisfy { isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") }, "\(debug(raw)) has odd bytes")
    require(raw.lowercased() == string.lowercased().replacingOccurrences(of: "_", with: "-"),
                 "\(debug(string)) → \(debug(raw)) changed more than case and separators")
    for variant in [raw.lowercased(), raw.uppercased(), raw.replacingOccurrences(of: "-", with: "_"), string.uppercased()] {
        require(LanguageTag(rawValue: variant) == tag, "\(debug(variant)) does not parse to \(raw)")
    }
    let subtags = tag.subtags
    require(!subtags.isEmpty && subtags.joined(separator: "-") == raw && subtags.allSatisfy { (1...8).contains($0.count) })
    let language = tag.language
    require(language == subtags[0] && (2...8).contains(language.count) && language.count != 4
                 && language.allSatisfy { $0.isLowercase && $0.isASCII }, "bad language subtag in \(debug(raw))")
    require(subtags.last!.count > 1, "\(debug(raw)) ends in a singleton")
    if let script = tag.script { require(script.count == 4) }
    if let region = tag.region { require(region.count == 2 || region.count == 3) }

    var current = tag
    var steps = 0
    while let shorter = current.truncated {
        require(LanguageTag(rawValue: shorter.rawValue) == shorter, "truncation \(debug(shorter.rawValue)) of \(raw) is not canonical")
        require(raw.hasPrefix(shorter.rawValue + "-"), "truncation \(shorter) is not a prefix of \(raw)")
        require(shorter.subtags.count < current.subtags.count)
        current = shorter
        steps += 1
    }
    require(current.subtags.count == 1 && steps < subtags.count, "truncating \(raw) ends at \(current)")

    let maximized = MaximizedLocale(tag)
    require(!maximized.language.isEmpty && maximized.script.count == 4 && (2...3).contains(maximized.region.count),
            "\(raw) maximizes to \(maximized)")
}

// MARK: - Negotiation

private func checkNegotiator(_ negotiator: LocaleNegotiator) {
    let allowed = Set(negotiator.available + [negotiator.defaultLocale])
    for tag in (negotiator.available + [negotiator.defaultLocale]).prefix(16) {
        checkChain(negotiator, for: tag)
        if negotiator.available.contains(tag) {
            require(negotiator.bestMatch(for: tag, excluding: []) == tag, "available \(tag) is not found for itself")
            require(negotiator.negotiate(explicit: tag.rawValue, acceptLanguage: nil) == .init(locale: tag, fallback: false),
                         "explicit \(tag) does not negotiate to itself")
            require(negotiator.negotiate(explicit: nil, acceptLanguage: tag.rawValue) == .init(locale: tag, fallback: false),
                         "Accept-Language: \(tag) does not negotiate to itself")
            let excluded = negotiator.bestMatch(for: tag, excluding: [tag])
            require(excluded != tag, "bestMatch returned the excluded \(tag)")
        }
        if let match = negotiator.bestMatch(for: tag, excluding: []) { require(allowed.contains(match)) }
    }
}

private func checkChain(_ negotiator: LocaleNegotiator, for locale: LanguageTag) {
    let chain = negotiator.fallbackChain(for: locale)
    require(chain.first == locale, "chain of \(locale) starts with \(String(describing: chain.first))")
    require(chain.contains(negotiator.defaultLocale), "chain of \(locale) lacks default \(negotiator.defaultLocale)")
    let script = MaximizedLocale(locale).script
    var truncations: [LanguageTag] = [locale]
    var next = locale.truncated
    while let tag = next {
        if MaximizedLocale(tag).script == script { truncations.append(tag) }
        next = tag.truncated
    }
    if truncations.contains(negotiator.defaultLocale) {
        require(chain == truncations, "chain \(chain) of \(locale) is not its truncations \(truncations)")
    } else {
        require(chain == truncations + [negotiator.defaultLocale], "chain \(chain) of \(locale) does not end in the default")
    }
}

private func checkNegotiation(_ negotiator: LocaleNegotiator, explicit: String?, acceptLanguage: String?) {
    let result = negotiator.negotiate(explicit: explicit, acceptLanguage: acceptLanguage)
    let context = "explicit \(debug(explicit)), Accept-Language \(debug(acceptLanguage)), available \(negotiator.available), default \(negotiator.defaultLocale)"
    require(negotiator.negotiate(explicit: explicit, acceptLanguage: acceptLanguage) == result, "not deterministic: \(context)")
    require(negotiator.available.contains(result.locale) || result.locale == negotiator.defaultLocale,
                 "negotiated \(result.locale), neither available nor the default: \(context)")
    if result.fallback { require(result.locale == negotiator.defaultLocale, "fallback to \(result.locale): \(context)") }
    checkChain(negotiator, for: result.locale)

    let askedExplicitly = !(explicit ?? "").isEmpty
    let sentHeader = !(acceptLanguage ?? "").isEmpty
    if !askedExplicitly && !sentHeader {
        require(result == .init(locale: negotiator.defaultLocale, fallback: false), "nothing asked, got \(result): \(context)")
        return
    }
    if let explicit, let tag = LanguageTag(rawValue: explicit), let match = negotiator.bestMatch(for: tag, excluding: []) {
        checkBestMatch(negotiator, tag, excluding: [], match)
        require(result == .init(locale: match, fallback: false), "explicit match \(match) lost to \(result): \(context)")
        return
    }
    guard sentHeader, let acceptLanguage else {
        require(result == .init(locale: negotiator.defaultLocale, fallback: true), "unmatched explicit gave \(result): \(context)")
        return
    }
    let header = AcceptLanguage(acceptLanguage)
    let excluded = Set(header.excluded.compactMap { negotiator.bestMatch(for: $0, excluding: []) })
    var candidates: [LanguageTag] = []
    var wildcard = false
    for element in header.preferred {
        if let range = element.range {
            if let match = negotiator.bestMatch(for: range, excluding: excluded) {
                checkBestMatch(negotiator, range, excluding: excluded, match)
                candidates.append(match)
            }
        } else {
            wildcard = true
        }
    }
    if result.fallback {
        require(candidates.isEmpty, "fell back although \(candidates) matched: \(context)")
    } else {
        require(!excluded.contains(result.locale), "served \(result.locale), which the header refused: \(context)")
        require(candidates.contains(result.locale) || wildcard, "served \(result.locale), matching no range: \(context)")
        if !wildcard { require(result.locale == candidates.first, "served \(result.locale), not the best match \(candidates): \(context)") }
    }
}

private func checkBestMatch(_ negotiator: LocaleNegotiator, _ range: LanguageTag, excluding excluded: Set<LanguageTag>, _ match: LanguageTag) {
    require(negotiator.available.contains(match), "bestMatch(\(range)) gave unavailable \(match)")
    require(!excluded.contains(match), "bestMatch(\(range)) gave excluded \(match)")
    guard match != range else { return }  // named exactly
    let desired = MaximizedLocale(range)
    let distance = LanguageDistance.between(desired: desired, supported: MaximizedLocale(match))
    require(distance <= LanguageDistance.threshold, "bestMatch(\(range)) gave \(match) at distance \(distance)")
    for other in negotiator.available where !excluded.contains(other) {
        let closer = LanguageDistance.between(desired: desired, supported: MaximizedLocale(other))
        require(closer >= distance, "bestMatch(\(range)) gave \(match) at \(distance), but \(other) is at \(closer)")
    }
}

// MARK: - Helpers

private func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
}

private func debug(_ string: String?) -> String {
    guard let string else { return "nil" }
    let shown = string.count > 200 ? String(string.prefix(200)) + "…" : string
    return String(reflecting: shown)
}

/// `precondition` that keeps its message in optimized builds, so that a finding says what broke.
private func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = "", file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
