/// A well-formed BCP 47 language tag in canonical case, such as `en`, `zh-Hans` or `pt-BR`.
///
/// Parsing accepts any case and `_` as a separator; the stored form uses BCP 47 case
/// conventions (language lowercase, script title case, region uppercase), so two tags
/// that differ only in case or separator compare equal.
///
/// For example:
///
/// ```swift
/// LanguageTag(rawValue: "zh_hant_tw")?.rawValue // "zh-Hant-TW"
/// LanguageTag(rawValue: "not a tag")            // nil
/// ```
public struct LanguageTag: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The longest tag accepted; real tags are far shorter.
    public static let maximumLength = 64

    public static let english = LanguageTag(uncheckedCanonical: "en")

    public let rawValue: String

    public init?(rawValue: String) {
        guard let canonical = Self.canonicalize(rawValue) else { return nil }
        self.rawValue = canonical
    }

    private init(uncheckedCanonical: String) {
        self.rawValue = uncheckedCanonical
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let tag = LanguageTag(rawValue: string) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(string)' is not a well-formed BCP 47 language tag"
            )
        }
        self = tag
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.rawValue < rhs.rawValue }

    // MARK: - Subtags

    /// The subtags, such as `["zh", "Hant", "TW"]`.
    public var subtags: [Substring] { rawValue.split(separator: "-") }

    /// The primary language subtag, such as `zh`.
    public var language: Substring { subtags[0] }

    /// The script subtag, such as `Hant`, if present.
    public var script: Substring? {
        subtags.dropFirst().first { $0.count == 4 && $0.allSatisfy(\.isLetter) }
    }

    /// The region subtag, such as `TW` or `419`, if present.
    public var region: Substring? {
        for subtag in subtags.dropFirst() {
            if subtag.count == 1 { return nil }  // an extension or private use starts here
            if subtag.count == 2 && subtag.allSatisfy(\.isLetter) { return subtag }
            if subtag.count == 3 && subtag.allSatisfy(\.isNumber) { return subtag }
        }
        return nil
    }

    /// The tag with its last subtag removed, per RFC 4647 lookup; `nil` for a bare language.
    ///
    /// A singleton left dangling at the end (the `x` of `en-x-foo`) is removed too.
    public var truncated: LanguageTag? {
        var parts = subtags
        guard parts.count > 1 else { return nil }
        parts.removeLast()
        while let last = parts.last, last.count == 1 { parts.removeLast() }
        return LanguageTag(uncheckedCanonical: parts.joined(separator: "-"))
    }

    // MARK: - Parsing

    /// Checks well-formedness against the RFC 5646 `langtag` grammar and applies canonical case.
    private static func canonicalize(_ string: String) -> String? {
        guard !string.isEmpty, string.utf8.count <= maximumLength else { return nil }
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy(\.isASCIIAlphanumeric) }) else {
            return nil
        }
        let language = parts[0]
        guard (2...8).contains(language.count), language.count != 4, language.allSatisfy(\.isASCIILetter) else {
            return nil
        }
        var result = [language.lowercased()]
        var index = 1
        var stage = 0  // 0: extlang/script/region/variant, 1: after a singleton
        while index < parts.count {
            let part = parts[index]
            if part.count == 1 {
                guard index + 1 < parts.count else { return nil }  // a singleton needs a subtag after it
                stage = 1
                result.append(part.lowercased())
            } else if stage == 1 {
                result.append(part.lowercased())
            } else if part.count == 4 && part.allSatisfy(\.isASCIILetter) {
                result.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            } else if part.count == 2 && part.allSatisfy(\.isASCIILetter) {
                result.append(part.uppercased())
            } else if part.count == 3 && (part.allSatisfy(\.isASCIILetter) || part.allSatisfy(\.isASCIIDigit)) {
                result.append(part.allSatisfy(\.isASCIIDigit) ? String(part) : part.lowercased())
            } else if part.count >= 5 || (part.count == 4 && part.first!.isASCIIDigit) {
                result.append(part.lowercased())
            } else {
                return nil
            }
            index += 1
        }
        return result.joined(separator: "-")
    }
}

extension Character {
    var isASCIILetter: Bool { isASCII && isLetter }
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }
}
