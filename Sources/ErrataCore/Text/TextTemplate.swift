/// A catalog text with named `{placeholders}`, such as `Objects above {maxObjectSize} need a multipart upload.`
///
/// A placeholder is `{` + an ASCII letter + letters, digits or `_` + `}`. Any other brace is plain text.
public struct TextTemplate: Hashable, Sendable {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    /// The placeholder names in order of appearance, repeats included.
    public var placeholders: [String] {
        Self.scan(text).compactMap {
            if case .placeholder(let name) = $0 { return name }
            return nil
        }
    }

    /// The text with each placeholder replaced by its value; unknown placeholders stay as written.
    ///
    /// - Parameter values: Values by placeholder name.
    /// - Returns: The rendered text.
    public func rendered(with values: [String: String]) -> String {
        guard !values.isEmpty, text.contains("{") else { return text }
        var result = ""
        for piece in Self.scan(text) {
            switch piece {
            case .literal(let literal): result += literal
            case .placeholder(let name): result += values[name] ?? "{\(name)}"
            }
        }
        return result
    }

    // MARK: - Scanning

    private enum Piece {
        case literal(Substring)
        case placeholder(String)
    }

    private static func scan(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var literalStart = text.startIndex
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "{") {
            guard let close = text[open...].firstIndex(of: "}") else { break }
            let name = text[text.index(after: open)..<close]
            if isPlaceholderName(name) {
                pieces.append(.literal(text[literalStart..<open]))
                pieces.append(.placeholder(String(name)))
                literalStart = text.index(after: close)
                index = literalStart
            } else {
                index = text.index(after: open)
            }
        }
        pieces.append(.literal(text[literalStart...]))
        return pieces
    }

    private static func isPlaceholderName(_ name: Substring) -> Bool {
        guard let first = name.first, first.isASCIILetter, name.count <= 64 else { return false }
        return name.allSatisfy { $0.isASCIIAlphanumeric || $0 == "_" }
    }
}
