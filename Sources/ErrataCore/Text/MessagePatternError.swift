/// Why a text is not a valid message pattern, and where: `offset` counts characters from 0.
public struct MessagePatternError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Hashable, Sendable {
        /// A `{` that no `}` closes.
        case unclosedBrace
        /// An argument name that is not an ASCII letter followed by up to 63 letters, digits or `_`.
        case badArgumentName(String)
        /// Something other than `}` or `, type` after an argument's name.
        case badArgumentSyntax
        /// A type Errata does not render (`date`, `time`, `choice`, `selectordinal`, `spellout`, …).
        case unsupportedType(String)
        /// `{name, number, style}`: only `{name, number}` is supported.
        case unsupportedNumberStyle
        /// A plural or select without cases.
        case missingCases(MessageArgumentKind)
        /// A plural or select without the `other` case ICU requires.
        case missingOther(MessageArgumentKind)
        /// A plural case keyword that is not `zero`, `one`, `two`, `few`, `many`, `other` or `=N`.
        case badPluralCase(String)
        /// A select case keyword that is not letters, digits, `_` or `-`.
        case badSelectCase(String)
        /// The same case twice in one plural or select.
        case duplicateCase(String)
        /// A case keyword not followed by `{message}`.
        case missingCaseMessage(String)
        /// `offset:` not followed by a whole number, or not first in a plural.
        case badOffset
    }

    public var reason: Reason
    /// Where the problem is, in characters from the start of the text.
    public var offset: Int

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        switch reason {
        case .unclosedBrace: "'{' at \(offset) is never closed"
        case .badArgumentName(let name):
            "argument name '\(name)' at \(offset) must be an ASCII letter followed by up to 63 letters, digits or '_'"
        case .badArgumentSyntax: "argument at \(offset) must be {name}, {name, number}, {name, plural, …} or {name, select, …}"
        case .unsupportedType(let type): "argument type '\(type)' at \(offset) is not supported (number, plural and select are)"
        case .unsupportedNumberStyle: "number style at \(offset) is not supported: write {name, number}"
        case .missingCases(let kind): "\(kind) at \(offset) has no cases"
        case .missingOther(let kind): "\(kind) at \(offset) has no 'other' case"
        case .badPluralCase(let keyword):
            "plural case '\(keyword)' at \(offset) is not one of zero, one, two, few, many, other or =N"
        case .badSelectCase(let keyword): "select case '\(keyword)' at \(offset) must be letters, digits, '_' or '-'"
        case .duplicateCase(let keyword): "case '\(keyword)' at \(offset) appears twice"
        case .missingCaseMessage(let keyword): "case '\(keyword)' at \(offset) needs a {message}"
        case .badOffset: "offset at \(offset) must be a whole number written before the plural's cases"
        }
    }
}
