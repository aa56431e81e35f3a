/// A parsed `Accept-Language` header (RFC 9110 §12.5.4): language ranges with their weights.
///
/// Parsing never fails: malformed elements are skipped, and a header longer than
/// ``maximumHeaderLength`` or with more than ``maximumRanges`` elements is cut off there,
/// so absurd input costs little and can never error.
///
/// For example:
///
/// ```swift
/// AcceptLanguage("fr-CH, fr;q=0.9, *;q=0.5, de;q=0").preferred
/// // [fr-CH, fr, *]; `de` is excluded because its weight is 0
/// ```
public struct AcceptLanguage: Hashable, Sendable {
    /// Header bytes looked at; the rest is ignored.
    public static let maximumHeaderLength = 4_096
    /// Elements looked at; the rest are ignored.
    public static let maximumRanges = 64

    /// One element of the header: a language range (or `*`) and its weight in thousandths.
    public struct Element: Hashable, Sendable {
        /// The language range, or `nil` for the wildcard `*`.
        public var range: LanguageTag?
        /// The weight, 0...1000 (q=0.8 is 800).
        public var weight: Int

        public var isWildcard: Bool { range == nil }
    }

    /// Well-formed elements in header order.
    public let elements: [Element]

    public init(_ header: some StringProtocol) {
        let limited = header.utf8.count > Self.maximumHeaderLength
            ? Substring(header).utf8.prefix(Self.maximumHeaderLength)
            : Substring(header).utf8[...]
        var elements: [Element] = []
        for rawElement in limited.split(separator: UInt8(ascii: ","), maxSplits: Self.maximumRanges, omittingEmptySubsequences: true)
            .prefix(Self.maximumRanges)
        {
            if let element = Self.parseElement(Substring(rawElement)) {
                elements.append(element)
            }
        }
        self.elements = elements
    }

    /// Ranges with a non-zero weight, highest weight first; equal weights keep header order.
    public var preferred: [Element] {
        elements.enumerated()
            .filter { $0.element.weight > 0 }
            .sorted { ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset) }
            .map(\.element)
    }

    /// Ranges the client refused with `q=0`.
    public var excluded: [LanguageTag] {
        elements.compactMap { $0.weight == 0 ? $0.range : nil }
    }

    // MARK: - Parsing

    private static func parseElement(_ text: Substring) -> Element? {
        let parameters = text.split(separator: ";", omittingEmptySubsequences: false)
        let rangeText = parameters[0].trimmingOptionalWhitespace()
        var weight = 1_000
        for parameter in parameters.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2, pair[0].trimmingOptionalWhitespace().lowercased() == "q",
                let parsed = parseQValue(pair[1].trimmingOptionalWhitespace())
            else { return nil }
            weight = parsed
        }
        if rangeText == "*" { return Element(range: nil, weight: weight) }
        guard let range = LanguageTag(rawValue: String(rangeText)) else { return nil }
        return Element(range: range, weight: weight)
    }

    /// Parses an RFC 9110 qvalue: `0`, `0.8`, `0.125`, `1`, `1.000`, into thousandths.
    private static func parseQValue(_ text: Substring) -> Int? {
        let utf8 = Array(text.utf8)
        guard let first = utf8.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return nil }
        var thousandths = Int(first - UInt8(ascii: "0")) * 1_000
        guard utf8.count > 1 else { return thousandths }
        guard utf8[1] == UInt8(ascii: "."), utf8.count <= 5 else { return nil }
        var scale = 100
        for digit in utf8.dropFirst(2) {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            thousandths += Int(digit - UInt8(ascii: "0")) * scale
            scale /= 10
        }
        return thousandths <= 1_000 ? thousandths : nil
    }
}

extension StringProtocol {
    /// Removes RFC 9110 optional whitespace (spaces and horizontal tabs) at both ends.
    package func trimmingOptionalWhitespace() -> SubSequence {
        let isOWS: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isOWS($0) }) else { return self[endIndex...] }
        let end = lastIndex(where: { !isOWS($0) })!
        return self[start...end]
    }
}
