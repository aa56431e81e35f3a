/// The `%` specifiers of a String Catalog value, and filling them in.
///
/// Only what `errata`'s catalog uses: `%@` and integer conversions such as `%lld`, each optionally
/// positional (`%2$@`, so a translation can reorder its arguments), and `%%` for a percent sign.
enum FormatSpecifiers {
    /// One argument a format takes: its 1-based position and its conversion, such as `@` or `lld`.
    struct Argument: Hashable, Comparable {
        var position: Int
        var conversion: String

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.position, lhs.conversion) < (rhs.position, rhs.conversion)
        }
    }

    /// The arguments `format` takes, by position.
    static func arguments(of format: String) -> [Argument] {
        pieces(of: format).compactMap { if case .argument(let argument) = $0 { argument } else { nil } }.sorted()
    }

    /// `format` with each specifier replaced by the value at its position and `%%` by `%`.
    ///
    /// A specifier with no value is left as written, so a short argument list shows rather than crashes.
    static func format(_ format: String, _ values: [String]) -> String {
        pieces(of: format).map { piece in
            switch piece {
            case .text(let text): text
            case .argument(let argument):
                values.indices.contains(argument.position - 1)
                    ? values[argument.position - 1] : "%\(argument.position)$\(argument.conversion)"
            }
        }.joined()
    }

    // MARK: - Parsing

    private enum Piece {
        case text(String)
        case argument(Argument)
    }

    private static let lengthModifiers: Set<Character> = ["h", "l", "q", "z", "j", "t"]
    private static let conversions: Set<Character> = ["@", "d", "i", "u"]

    /// `format` split into text and specifiers; anything after a `%` that is not a specifier stays text.
    private static func pieces(of format: String) -> [Piece] {
        var pieces: [Piece] = []
        var text = ""
        var nextPosition = 1
        var rest = Substring(format)
        while let percent = rest.firstIndex(of: "%") {
            text += rest[..<percent]
            rest = rest[rest.index(after: percent)...]
            if rest.first == "%" {
                text += "%"
                rest = rest.dropFirst()
                continue
            }
            guard let (argument, remainder) = specifier(at: rest, nextPosition: nextPosition) else {
                text += "%"
                continue
            }
            if !text.isEmpty { pieces.append(.text(text)) }
            text = ""
            pieces.append(.argument(argument))
            nextPosition = argument.position + 1
            rest = remainder
        }
        text += rest
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    /// The specifier starting right after a `%`, and what follows it.
    private static func specifier(at text: Substring, nextPosition: Int) -> (Argument, Substring)? {
        var rest = text
        var position = nextPosition
        let digits = rest.prefix(while: \.isASCII).prefix(while: \.isNumber)
        if !digits.isEmpty {
            guard rest.dropFirst(digits.count).first == "$", let explicit = Int(digits), explicit > 0 else { return nil }
            position = explicit
            rest = rest.dropFirst(digits.count + 1)
        }
        let length = rest.prefix(while: lengthModifiers.contains)
        rest = rest.dropFirst(length.count)
        guard let conversion = rest.first, conversions.contains(conversion) else { return nil }
        return (Argument(position: position, conversion: length + String(conversion)), rest.dropFirst())
    }
}
