/// A catalog text as an ICU MessageFormat pattern, such as
/// `{count, plural, one {# part is missing.} other {# parts are missing.}}`.
///
/// The subset Errata reads: `{name}`, `{name, number}`, `{name, plural, …}` (CLDR categories, `=N`,
/// `#`, an optional `offset:`) and `{name, select, …}`, with ICU's apostrophe quoting (`''` is an
/// apostrophe; `'` before `{`, `}` or, in a plural case, `#` starts quoted text). Argument names are an
/// ASCII letter, then up to 63 letters, digits or `_`.
///
/// A text that is not a valid pattern (one saved before patterns were checked) renders as before:
/// each `{name}` is an argument and every other brace is plain text; ``syntaxError`` says what is wrong.
public struct MessagePattern: Hashable, Sendable {
    /// The text as written.
    public let text: String
    let parts: [MessagePart]
    /// Why `text` is not a valid pattern, or `nil` when it is.
    public let syntaxError: MessagePatternError?

    /// Parses `text`; an invalid pattern falls back to plain `{name}` arguments.
    public init(_ text: String) {
        self.text = text
        // Most texts have nothing to parse: no brace, and no `''` (without a brace, any other apostrophe is itself).
        guard Self.needsParsing(text) else {
            parts = text.isEmpty ? [] : [.literal(text)]
            syntaxError = nil
            return
        }
        do throws(MessagePatternError) {
            var parser = MessagePatternParser(text)
            parts = try parser.parse()
            syntaxError = nil
        } catch {
            parts = MessagePatternParser.plainPlaceholders(in: text)
            syntaxError = error
        }
    }

    /// The argument names in order of appearance, repeats included; the names inside a plural's or a
    /// select's cases count once for that argument, however many cases use them (a translation may
    /// have fewer cases than its source).
    public var placeholders: [String] {
        MessagePart.placeholders(in: parts)
    }

    /// How each argument is used, by name.
    public var argumentKinds: [String: Set<MessageArgumentKind>] {
        var kinds: [String: Set<MessageArgumentKind>] = [:]
        MessagePart.collectKinds(in: parts, into: &kinds)
        return kinds
    }
}

/// How a message pattern uses an argument.
public enum MessageArgumentKind: String, Hashable, Sendable, Comparable, CustomStringConvertible {
    case simple
    case number
    case plural
    case select

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

// MARK: - The parsed form

/// One piece of a parsed message.
indirect enum MessagePart: Hashable, Sendable {
    case literal(String)
    case argument(MessageArgument)
    /// `#` in a plural case: the plural's number, less its offset, formatted.
    case pluralNumber

    static func placeholders(in parts: [MessagePart]) -> [String] {
        parts.flatMap { part -> [String] in
            guard case .argument(let argument) = part else { return [] }
            var seen = Set<String>()
            let nested = argument.cases.flatMap { placeholders(in: $0) }.filter { seen.insert($0).inserted }
            return [argument.name] + nested
        }
    }

    static func collectKinds(in parts: [MessagePart], into kinds: inout [String: Set<MessageArgumentKind>]) {
        for case .argument(let argument) in parts {
            kinds[argument.name, default: []].insert(argument.kind.kind)
            for nested in argument.cases { collectKinds(in: nested, into: &kinds) }
        }
    }
}

/// A `{name…}` argument of a message.
struct MessageArgument: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case simple
        case number
        case plural(PluralCases)
        case select([KeywordCase])

        var kind: MessageArgumentKind {
            switch self {
            case .simple: .simple
            case .number: .number
            case .plural: .plural
            case .select: .select
            }
        }
    }

    /// The cases of a plural argument.
    struct PluralCases: Hashable, Sendable {
        /// Subtracted from the number before its category is chosen and `#` shows it.
        var offset: MessageNumber
        /// `=N` cases, matched against the number before the offset, in the order written.
        var exact: [ExactCase]
        /// Category cases (`one {…}`), in the order written.
        var categories: [KeywordCase]
    }

    /// An `=N {…}` case.
    struct ExactCase: Hashable, Sendable {
        var value: MessageNumber
        var message: [MessagePart]
    }

    /// A `keyword {…}` case: a plural category or a select value.
    struct KeywordCase: Hashable, Sendable {
        var keyword: String
        var message: [MessagePart]
    }

    var name: String
    var kind: Kind
    /// The argument as written, shown when no value is given for it.
    var source: String

    /// The messages of a plural's or select's cases.
    var cases: [[MessagePart]] {
        switch kind {
        case .simple, .number: []
        case .plural(let plural): plural.exact.map(\.message) + plural.categories.map(\.message)
        case .select(let cases): cases.map(\.message)
        }
    }
}

extension MessagePattern {
    /// Whether `text` has a brace or a doubled apostrophe: what makes a pattern more than its text.
    static func needsParsing(_ text: String) -> Bool {
        var previousWasApostrophe = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "}"): return true
            case UInt8(ascii: "'"):
                if previousWasApostrophe { return true }
                previousWasApostrophe = true
            default: previousWasApostrophe = false
            }
        }
        return false
    }
}
