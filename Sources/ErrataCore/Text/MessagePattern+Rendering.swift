import Foundation

extension MessagePattern {
    /// The text with its arguments filled in for `locale`, as ICU's `MessageFormat` renders it.
    ///
    /// A `{name}` takes its value as given; `{name, number}` and `#` show the number with the locale's
    /// digits and grouping and at most 3 fraction digits; a plural picks its `=N` case, else the case of
    /// the number's CLDR category in `locale`, else `other`; a select picks the case named by the value,
    /// else `other`. An argument without a value stays as written.
    ///
    /// - Parameters:
    ///   - values: Values by argument name.
    ///   - locale: The locale whose plural rules and number format apply.
    /// - Throws: ``MessageValueError`` when a `number` or `plural` argument's value is not a plain decimal.
    public func rendered(with values: [String: String], locale: LanguageTag) throws(MessageValueError) -> String {
        if parts.isEmpty { return "" }
        if parts.count == 1, case .literal(let literal) = parts[0] { return literal }
        var renderer = MessageRenderer(values: values, locale: locale, lenient: false)
        return try renderer.render(parts, pluralNumber: nil)
    }

    /// Whether `value` is one a `number` or `plural` argument takes: a plain decimal such as `9999` or `2.5`.
    public static func isNumberValue(_ value: String) -> Bool {
        MessageNumber(plain: value) != nil
    }

    /// The text rendered as ``rendered(with:locale:)`` does, but a value a number argument cannot take
    /// leaves that argument as written.
    package func renderedLeniently(with values: [String: String], locale: LanguageTag) -> String {
        var renderer = MessageRenderer(values: values, locale: locale, lenient: true)
        return (try? renderer.render(parts, pluralNumber: nil)) ?? text
    }
}

/// A value that a `number` or `plural` argument cannot take.
public struct MessageValueError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The argument's name.
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    public var description: String {
        "parameter '\(name)' is a number in this text: give a plain decimal such as 9999 or 2.5, not '\(value)'"
    }
}

/// Renders the parts of one pattern; the locale's formats and rules are made when first needed.
private struct MessageRenderer {
    let values: [String: String]
    let locale: LanguageTag
    /// Whether a value a number argument cannot take leaves the argument as written instead of failing.
    let lenient: Bool
    private lazy var foundationLocale = Locale(identifier: locale.rawValue)
    private lazy var pluralRules = PluralRules(locale: locale)

    init(values: [String: String], locale: LanguageTag, lenient: Bool) {
        self.values = values
        self.locale = locale
        self.lenient = lenient
    }

    mutating func render(_ parts: [MessagePart], pluralNumber: MessageNumber?) throws(MessageValueError) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .literal(let literal):
                result += literal
            case .pluralNumber:
                // The parser makes `#` only inside a plural's cases.
                result += pluralNumber.map { $0.formatted(locale: foundationLocale) } ?? "#"
            case .argument(let argument):
                guard let value = values[argument.name] else {
                    result += argument.source
                    continue
                }
                do {
                    result += try render(argument, value: value)
                } catch where lenient {
                    result += argument.source
                }
            }
        }
        return result
    }

    private mutating func render(_ argument: MessageArgument, value: String) throws(MessageValueError) -> String {
        switch argument.kind {
        case .simple:
            return value
        case .number:
            return try number(value, of: argument).formatted(locale: foundationLocale)
        case .plural(let plural):
            let number = try number(value, of: argument)
            if let exact = plural.exact.first(where: { $0.value == number }) {
                return try render(exact.message, pluralNumber: number.subtracting(plural.offset))
            }
            let shown = number.subtracting(plural.offset)
            let category = pluralRules.category(of: shown).rawValue
            let chosen = plural.categories.first { $0.keyword == category } ?? plural.categories.first { $0.keyword == "other" }
            return try render(chosen?.message ?? [], pluralNumber: shown)
        case .select(let cases):
            let chosen = cases.first { $0.keyword == value } ?? cases.first { $0.keyword == "other" }
            return try render(chosen?.message ?? [], pluralNumber: nil)
        }
    }

    private func number(_ value: String, of argument: MessageArgument) throws(MessageValueError) -> MessageNumber {
        guard let number = MessageNumber(plain: value) else { throw MessageValueError(name: argument.name, value: value) }
        return number
    }
}
