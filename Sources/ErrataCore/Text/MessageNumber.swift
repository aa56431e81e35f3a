import Foundation

/// A number a `number` or `plural` argument is given: a plain decimal such as `9999`, `-3` or `2.5`
/// (digits, one optional `.`, an optional leading `-`; no grouping, no exponent), at most 15 integer digits.
struct MessageNumber: Hashable, Sendable {
    static let zero = MessageNumber(value: 0)
    static let maximumIntegerDigits = 15

    private(set) var value: Decimal

    private init(value: Decimal) {
        self.value = value
    }

    /// The number `text` writes, or `nil` when it is not a plain decimal.
    init?(plain text: some StringProtocol) {
        let unsigned = text.hasPrefix("-") ? text.dropFirst() : text[...]
        let pieces = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
            pieces[0].count <= Self.maximumIntegerDigits, unsigned.count <= 40,
            let value = Decimal(string: String(text), locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        self.value = value
    }

    var isWholeNumber: Bool {
        displayed.operands.fractionDigits.isEmpty
    }

    func subtracting(_ other: MessageNumber) -> MessageNumber {
        MessageNumber(value: value - other.value)
    }

    // MARK: - As ICU shows it

    /// The number as ICU's default decimal format shows it: at most 3 fraction digits, rounded half-even.
    var displayed: MessageNumber {
        var rounded = Decimal()
        var value = value
        NSDecimalRound(&rounded, &value, 3, .bankers)
        return MessageNumber(value: rounded)
    }

    /// The number formatted for `locale`: its digits, grouping and decimal separator, at most 3 fraction digits.
    func formatted(locale: Locale) -> String {
        displayed.value.formatted(.number.locale(locale).precision(.fractionLength(0...3)).rounded(rule: .toNearestOrEven))
    }

    /// The CLDR plural operands of the number as shown (a shown `1.50` is `1.5`: ICU drops trailing zeros).
    var operands: PluralOperands {
        let digits = displayed.value.magnitude.description
        let pieces = digits.split(separator: ".", maxSplits: 1)
        var fraction = pieces.count > 1 ? String(pieces[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return PluralOperands(integerDigits: String(pieces.first ?? "0"), fractionDigits: fraction)
    }
}
