/// The operands a CLDR plural rule reads from a number as shown (UTS #35, "Plural Operand Meanings").
struct PluralOperands: Hashable, Sendable {
    /// The integer digits of the absolute value, without leading zeros (`0` for zero).
    var integerDigits: String
    /// The visible fraction digits, trailing zeros already dropped.
    var fractionDigits: String

    /// The value of an operand, `n % modulus` when a modulus is given; `nil` when it is not a whole number.
    ///
    /// Every range in a CLDR rule is of whole numbers, so a value with a fraction (only `n` can have one)
    /// is in none of them.
    func value(of operand: Character, modulo modulus: Int?) -> Int? {
        let whole: String
        switch operand {
        case "n":
            guard fractionDigits.isEmpty else { return nil }
            whole = integerDigits
        case "i": whole = integerDigits
        case "v", "w": return fractionDigits.count
        case "f", "t": whole = fractionDigits.isEmpty ? "0" : fractionDigits
        // Compact exponents: Errata never formats numbers compactly.
        case "c", "e": return 0
        default: return nil
        }
        guard let modulus else { return Int(whole) }
        // At most 15 integer digits, so the last 18 are exact in an Int.
        return Int(whole.suffix(18)).map { $0 % modulus }
    }
}
