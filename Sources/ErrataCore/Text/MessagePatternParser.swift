/// Reads a message pattern as ICU's `MessagePattern` does with `ApostropheMode.DOUBLE_OPTIONAL`, limited
/// to the subset ``MessagePattern`` documents.
struct MessagePatternParser {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        characters = Array(text)
    }

    /// The parts of the whole text.
    mutating func parse() throws(MessagePatternError) -> [MessagePart] {
        try message(nested: false, inPlural: false)
    }

    /// The parts of a text that is not a valid pattern: `{name}` placeholders, everything else literal,
    /// as texts rendered before they were read as patterns.
    static func plainPlaceholders(in text: String) -> [MessagePart] {
        var parts: [MessagePart] = []
        var literalStart = text.startIndex
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "{") {
            guard let close = text[open...].firstIndex(of: "}") else { break }
            let name = text[text.index(after: open)..<close]
            if isArgumentName(name) {
                if literalStart < open { parts.append(.literal(String(text[literalStart..<open]))) }
                parts.append(.argument(MessageArgument(name: String(name), kind: .simple, source: "{\(name)}")))
                literalStart = text.index(after: close)
                index = literalStart
            } else {
                index = text.index(after: open)
            }
        }
        if literalStart < text.endIndex { parts.append(.literal(String(text[literalStart...]))) }
        return parts
    }

    static func isArgumentName(_ name: some StringProtocol) -> Bool {
        guard let first = name.first, first.isASCIILetter, name.count <= 64 else { return false }
        return name.allSatisfy { $0.isASCIIAlphanumeric || $0 == "_" }
    }

    // MARK: - Messages

    /// A message up to the end of the text or, when `nested`, up to the `}` that closes it (not consumed).
    private mutating func message(nested: Bool, inPlural: Bool) throws(MessagePatternError) -> [MessagePart] {
        var parts: [MessagePart] = []
        var literal = ""
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "'":
                quoted(into: &literal, inPlural: inPlural)
            case "{":
                flush()
                parts.append(.argument(try argument()))
            case "}" where nested:
                flush()
                return parts
            case "#" where inPlural:
                flush()
                parts.append(.pluralNumber)
                index += 1
            default:
                literal.append(character)
                index += 1
            }
        }
        flush()
        return parts
    }

    /// An apostrophe at `index`: `''` is one apostrophe; before `{`, `}` or (in a plural case) `#` it
    /// starts text quoted up to the next lone apostrophe or the end; anywhere else it is itself.
    private mutating func quoted(into literal: inout String, inPlural: Bool) {
        index += 1
        guard index < characters.count else {
            literal.append("'")
            return
        }
        let next = characters[index]
        if next == "'" {
            literal.append("'")
            index += 1
        } else if next == "{" || next == "}" || (inPlural && next == "#") {
            while index < characters.count {
                if characters[index] == "'" {
                    if index + 1 < characters.count, characters[index + 1] == "'" {
                        literal.append("'")
                        index += 2
                        continue
                    }
                    index += 1
                    return
                }
                literal.append(characters[index])
                index += 1
            }
        } else {
            literal.append("'")
        }
    }

    // MARK: - Arguments

    /// The argument whose `{` is at `index`, through its closing `}`.
    private mutating func argument() throws(MessagePatternError) -> MessageArgument {
        let start = index
        index += 1
        skipWhitespace()
        let nameStart = index
        let name = word()
        guard Self.isArgumentName(name) else {
            guard index < characters.count else { throw MessagePatternError(.unclosedBrace, at: start) }
            throw MessagePatternError(.badArgumentName(name), at: nameStart)
        }
        skipWhitespace()
        let kind: MessageArgument.Kind
        switch try next(at: start) {
        case "}":
            kind = .simple
        case ",":
            index += 1
            kind = try typedArgument(start: start)
        default:
            throw MessagePatternError(.badArgumentSyntax, at: start)
        }
        try expect("}", openedAt: start)
        return MessageArgument(name: name, kind: kind, source: String(characters[start..<index]))
    }

    /// What follows `{name,`, up to the argument's closing `}` (not consumed).
    private mutating func typedArgument(start: Int) throws(MessagePatternError) -> MessageArgument.Kind {
        skipWhitespace()
        let typeStart = index
        let type = word()
        skipWhitespace()
        switch type {
        case "number":
            switch try next(at: start) {
            case "}": return .number
            case ",": throw MessagePatternError(.unsupportedNumberStyle, at: index)
            default: throw MessagePatternError(.badArgumentSyntax, at: start)
            }
        case "plural", "select":
            guard try next(at: start) == "," else {
                throw MessagePatternError(.missingCases(type == "plural" ? .plural : .select), at: start)
            }
            index += 1
            return type == "plural" ? .plural(try pluralCases(start: start)) : .select(try selectCases(start: start))
        case "":
            throw MessagePatternError(.badArgumentSyntax, at: start)
        default:
            throw MessagePatternError(.unsupportedType(type), at: typeStart)
        }
    }

    private mutating func pluralCases(start: Int) throws(MessagePatternError) -> MessageArgument.PluralCases {
        var plural = MessageArgument.PluralCases(offset: .zero, exact: [], categories: [])
        skipWhitespace()
        if characters[index...].starts(with: "offset:") {
            index += "offset:".count
            skipWhitespace()
            let offsetStart = index
            guard let offset = MessageNumber(plain: word()), offset.isWholeNumber else {
                throw MessagePatternError(.badOffset, at: offsetStart)
            }
            plural.offset = offset
        }
        var keywords = Set<String>()
        while let (keyword, keywordStart) = try caseKeyword(start: start) {
            if keyword.hasPrefix("=") {
                guard let value = MessageNumber(plain: keyword.dropFirst()) else {
                    throw MessagePatternError(.badPluralCase(keyword), at: keywordStart)
                }
                plural.exact.append(.init(value: value, message: try caseMessage(keyword, at: keywordStart, inPlural: true)))
            } else if keyword.hasPrefix("offset:") {
                throw MessagePatternError(.badOffset, at: keywordStart)
            } else {
                guard PluralCategory(rawValue: keyword) != nil else {
                    throw MessagePatternError(.badPluralCase(keyword), at: keywordStart)
                }
                plural.categories.append(.init(keyword: keyword, message: try caseMessage(keyword, at: keywordStart, inPlural: true)))
            }
            guard keywords.insert(keyword).inserted else { throw MessagePatternError(.duplicateCase(keyword), at: keywordStart) }
        }
        guard !keywords.isEmpty else { throw MessagePatternError(.missingCases(.plural), at: start) }
        guard keywords.contains("other") else { throw MessagePatternError(.missingOther(.plural), at: start) }
        return plural
    }

    private mutating func selectCases(start: Int) throws(MessagePatternError) -> [MessageArgument.KeywordCase] {
        var cases: [MessageArgument.KeywordCase] = []
        while let (keyword, keywordStart) = try caseKeyword(start: start) {
            guard keyword.allSatisfy({ $0.isASCIIAlphanumeric || $0 == "_" || $0 == "-" }) else {
                throw MessagePatternError(.badSelectCase(keyword), at: keywordStart)
            }
            guard !cases.contains(where: { $0.keyword == keyword }) else {
                throw MessagePatternError(.duplicateCase(keyword), at: keywordStart)
            }
            cases.append(.init(keyword: keyword, message: try caseMessage(keyword, at: keywordStart, inPlural: false)))
        }
        guard !cases.isEmpty else { throw MessagePatternError(.missingCases(.select), at: start) }
        guard cases.contains(where: { $0.keyword == "other" }) else { throw MessagePatternError(.missingOther(.select), at: start) }
        return cases
    }

    /// The next case's keyword and where it starts, or `nil` at the argument's closing `}` (not consumed).
    private mutating func caseKeyword(start: Int) throws(MessagePatternError) -> (String, Int)? {
        skipWhitespace()
        if try next(at: start) == "}" { return nil }
        let keywordStart = index
        let keyword = word()
        guard !keyword.isEmpty else { throw MessagePatternError(.missingCaseMessage(""), at: keywordStart) }
        return (keyword, keywordStart)
    }

    /// The `{message}` of the case whose keyword starts at `keywordStart`.
    private mutating func caseMessage(_ keyword: String, at keywordStart: Int, inPlural: Bool) throws(MessagePatternError) -> [MessagePart] {
        skipWhitespace()
        guard index < characters.count, characters[index] == "{" else {
            throw MessagePatternError(.missingCaseMessage(keyword), at: keywordStart)
        }
        let open = index
        index += 1
        let parts = try message(nested: true, inPlural: inPlural)
        try expect("}", openedAt: open)
        return parts
    }

    // MARK: - Characters

    /// The character at `index`; an argument that reaches the end of the text is unclosed.
    private func next(at start: Int) throws(MessagePatternError) -> Character {
        guard index < characters.count else { throw MessagePatternError(.unclosedBrace, at: start) }
        return characters[index]
    }

    private mutating func expect(_ character: Character, openedAt open: Int) throws(MessagePatternError) {
        guard index < characters.count, characters[index] == character else {
            throw MessagePatternError(.unclosedBrace, at: open)
        }
        index += 1
    }

    /// The characters up to the next white space, brace or comma.
    private mutating func word() -> String {
        let start = index
        while index < characters.count, !characters[index].isPatternWhitespace, !"{},".contains(characters[index]) {
            index += 1
        }
        return String(characters[start..<index])
    }

    private mutating func skipWhitespace() {
        while index < characters.count, characters[index].isPatternWhitespace { index += 1 }
    }
}

extension Character {
    /// Unicode's Pattern_White_Space, which ICU skips around an argument's parts.
    var isPatternWhitespace: Bool {
        unicodeScalars.count == 1 && unicodeScalars.first!.properties.isPatternWhitespace
    }
}
