/// Reads the small subset of XML an S3-style error body uses, with ``XMLEventReader``'s strictness.
struct ErrorXMLReader {
    /// The root element's name and the text of each of its children, the first occurrence of a name winning.
    struct Document {
        var root: String
        var fields: [String: String]
    }

    private var events: XMLEventReader

    /// - Parameters:
    ///   - bytes: The body, already checked to be UTF-8.
    ///   - maximumDepth: The deepest nesting of elements allowed.
    init(bytes: [UInt8], maximumDepth: Int) {
        events = XMLEventReader(bytes: bytes, maximumDepth: maximumDepth)
    }

    /// Reads the whole body.
    ///
    /// - Throws: ``StorageResponseError`` naming the first problem, left to right.
    mutating func document() throws(StorageResponseError) -> Document {
        var root: String?
        var fields: [String: String] = [:]
        // The text of the open child of the root (depth 2), the only text kept.
        var text = ""
        do {
            while let event = try events.next() {
                switch event {
                case .start(let name, _):
                    if root == nil { root = name }
                    if events.depth == 2 { text = "" }
                case .end(let name):
                    if events.depth == 1, fields[name] == nil {
                        let value = text.trimmingXMLWhitespace
                        if !value.isEmpty { fields[name] = value }
                    }
                case .text(let characters):
                    if events.depth == 2 { text += characters }
                }
            }
        } catch {
            throw StorageResponseError(error)
        }
        // The event reader ends only after a root element closed.
        return Document(root: root ?? "", fields: fields)
    }
}

extension StorageResponseError {
    init(_ error: XMLReadError) {
        switch error {
        case .declarationRefused(let name, let offset): self = .declarationRefused(name, offset: offset)
        case .nestingTooDeep(let limit): self = .nestingTooDeep(limit: limit)
        case .truncated: self = .truncated
        case .malformed(let problem, let offset): self = .malformedXML(problem, offset: offset)
        }
    }
}

extension String {
    /// The string without the XML whitespace (space, tab, CR, LF) around it.
    fileprivate var trimmingXMLWhitespace: String {
        let isWhitespace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isWhitespace($0) }), let last = lastIndex(where: { !isWhitespace($0) }) else { return "" }
        return String(self[first...last])
    }
}
