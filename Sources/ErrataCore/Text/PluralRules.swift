import Foundation

/// The cardinal plural rules of one language: which ``PluralCategory`` a number takes.
///
/// Rules are CLDR rule strings (``cldrRules``) read by a small evaluator of CLDR's rule syntax:
/// `or` of `and` of relations `operand [% modulus] (= | !=) ranges`, ranges being `a`, `a..b` and
/// lists of them.
struct PluralRules: Sendable {
    private let rules: [(PluralCategory, Condition)]

    /// The rules of `locale`'s language, or `other` for every number when CLDR's are not carried here.
    init(locale: LanguageTag) {
        rules = Self.parsedRules[locale.language.lowercased()] ?? []
    }

    private static let parsedRules = cldrRules.mapValues { rules in rules.map { ($0.0, Condition($0.1)) } }

    /// The categories the language distinguishes, `other` last.
    var categories: [PluralCategory] {
        rules.map(\.0) + [.other]
    }

    /// The category of `number` as shown (ICU picks it from the formatted number).
    func category(of number: MessageNumber) -> PluralCategory {
        let operands = number.operands
        return rules.first { $0.1.holds(for: operands) }?.0 ?? .other
    }

    // MARK: - Rule syntax

    /// `relation (and relation)* (or …)*`, parsed once.
    private struct Condition: Sendable {
        struct Relation: Sendable {
            var operand: Character
            var modulus: Int?
            var negated: Bool
            var ranges: [ClosedRange<Int>]

            func holds(for operands: PluralOperands) -> Bool {
                guard let value = operands.value(of: operand, modulo: modulus) else { return negated }
                return ranges.contains { $0.contains(value) } != negated
            }
        }

        var alternatives: [[Relation]]

        /// Reads a CLDR rule string; the table is fixed, and `.ci/icu-check` renders every language of it.
        init(_ rule: String) {
            alternatives = rule.components(separatedBy: " or ").map { conjunction in
                conjunction.components(separatedBy: " and ").map(Self.relation)
            }
        }

        private static func relation(_ text: String) -> Relation {
            let negated = text.contains("!=")
            let sides = text.components(separatedBy: negated ? "!=" : "=")
            let expression = sides[0].split(separator: "%").map { $0.trimmingCharacters(in: .whitespaces) }
            let ranges = sides[1].split(separator: ",").map { item -> ClosedRange<Int> in
                let bounds = item.trimmingCharacters(in: .whitespaces).components(separatedBy: "..").compactMap { Int($0) }
                return bounds[0]...(bounds.last ?? bounds[0])
            }
            return Relation(operand: expression[0].first ?? "n", modulus: expression.count > 1 ? Int(expression[1]) : nil, negated: negated, ranges: ranges)
        }

        func holds(for operands: PluralOperands) -> Bool {
            alternatives.contains { $0.allSatisfy { $0.holds(for: operands) } }
        }
    }
}
