/// Reads the small subset of XML an S3-style error body uses, strictly, in one pass without recursion.
///
/// Why not `XMLParser`: on Linux FoundationXML is libxml2, which, even with
/// `shouldResolveExternalEntities = false`, still expands internal entities a DTD declares (a
/// "billion laughs" body costs memory and time before any delegate call can stop it), and reports
/// success for a body cut off inside the root element. An error body needs only elements, attributes,
/// text, CDATA, comments, processing instructions and the predefined and numeric character references;
/// this reader reads exactly those and refuses every `<!…>` declaration, so nothing is ever expanded
/// or fetched. Its cost is linear in the body, and nesting is bounded before it is followed.
struct ErrorXMLReader {
    /// The root element's name and the text of each of its children, the first occurrence of a name winning.
    struct Document {
        var root: String
        var fields: [String: String]
    }

    private let bytes: [UInt8]
    private let maximumDepth: Int
    private var index = 0

    /// - Parameters:
    ///   - bytes: The body, already checked to be UTF-8.
    ///   - maximumDepth: The deepest nesting of elements allowed.
    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    /// Reads the whole body.
    ///
    /// - Throws: ``StorageResponseError`` naming the first problem, left to right.
    mutating func document() throws(StorageResponseError) -> Document {
        var root: String?
        var fields: [String: String] = [:]
        var open: [String] = []
        // The text of the open child of the root (depth 2), the only text kept.
        var text: [UInt8] = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count {
            let start = index
            switch bytes[index] {
            case UInt8(ascii: "<"):
                if skipping("<?") {
                    try skip(past: "?>")
                } else if skipping("<!--") {
                    try skip(past: "-->")
                } else if skipping("<![CDATA[") {
                    guard !open.isEmpty else { throw .malformedXML("CDATA outside the root element", offset: start) }
                    let content = try skip(past: "]]>")
                    if open.count == 2 { text += content }
                } else if skipping("<!") {
                    throw .declarationRefused(String(decoding: bytes[index...].prefix { Self.isNameByte($0) }, as: UTF8.self), offset: start)
                } else if skipping("</") {
                    let name = try name()
                    skipWhitespace()
                    try expect(">")
                    guard open.last == name else {
                        throw .malformedXML("</\(name.prefix(64))> closes <\(open.last?.prefix(64) ?? "nothing")>", offset: start)
                    }
                    if open.count == 2, fields[name] == nil {
                        let value = String(decoding: text, as: UTF8.self).trimmingXMLWhitespace
                        if !value.isEmpty { fields[name] = value }
                    }
                    open.removeLast()
                } else {
                    index += 1
                    let name = try name()
                    guard root == nil || !open.isEmpty else { throw .malformedXML("a second root element <\(name.prefix(64))>", offset: start) }
                    guard open.count < maximumDepth else { throw .nestingTooDeep(limit: maximumDepth) }
                    let selfClosing = try attributes()
                    if root == nil { root = name }
                    if !selfClosing {
                        open.append(name)
                        if open.count == 2 { text = [] }
                    }
                }
            case UInt8(ascii: "&"):
                guard !open.isEmpty else { throw .malformedXML("a reference outside the root element", offset: start) }
                let scalar = try reference()
                if open.count == 2 { text += Array(String(Character(scalar)).utf8) }
            case let byte:
                if open.isEmpty, !Self.isWhitespace(byte) {
                    throw .malformedXML("text outside the root element", offset: start)
                }
                if open.count == 2 { text.append(byte) }
                index += 1
            }
        }
        guard let root, open.isEmpty else { throw .truncated }
        return Document(root: root, fields: fields)
    }

    // MARK: - Markup

    /// Skips the attributes of a start tag and its closing `>` or `/>`.
    ///
    /// - Returns: Whether the tag closes itself (`/>`).
    private mutating func attributes() throws(StorageResponseError) -> Bool {
        while true {
            skipWhitespace()
            if skipping("/>") { return true }
            if skipping(">") { return false }
            _ = try name()
            skipWhitespace()
            try expect("=")
            skipWhitespace()
            guard index < bytes.count else { throw .truncated }
            let quote = bytes[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw .malformedXML("an attribute value without quotes", offset: index)
            }
            index += 1
            while index < bytes.count, bytes[index] != quote {
                guard bytes[index] != UInt8(ascii: "<") else { throw .malformedXML("'<' in an attribute value", offset: index) }
                index += 1
            }
            try expect(quote == UInt8(ascii: "\"") ? "\"" : "'")
        }
    }

    /// An element or attribute name.
    private mutating func name() throws(StorageResponseError) -> String {
        let start = index
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        guard index > start else {
            throw index == bytes.count ? StorageResponseError.truncated : StorageResponseError.malformedXML("a name was expected", offset: start)
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// A character reference or one of the five predefined entities, from its `&`.
    private mutating func reference() throws(StorageResponseError) -> Unicode.Scalar {
        let start = index
        guard let end = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
            throw index + 12 > bytes.count ? StorageResponseError.truncated : StorageResponseError.malformedXML("an unterminated reference", offset: start)
        }
        let name = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        index = end + 1
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let number: UInt32? =
                if name.hasPrefix("#x") { UInt32(name.dropFirst(2), radix: 16) }
                else if name.hasPrefix("#") { UInt32(name.dropFirst(), radix: 10) }
                else { nil }
            guard let number else { throw .malformedXML("a reference to the undeclared entity '\(name)'", offset: start) }
            guard number != 0, let scalar = Unicode.Scalar(number) else {
                throw .malformedXML("a reference to an invalid character", offset: start)
            }
            return scalar
        }
    }

    // MARK: - Bytes

    /// Moves past `literal` if the input continues with it.
    private mutating func skipping(_ literal: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        guard bytes[index...].starts(with: expected) else { return false }
        index += expected.count
        return true
    }

    /// Moves past the next `terminator`.
    ///
    /// - Returns: The bytes before it.
    @discardableResult
    private mutating func skip(past terminator: StaticString) throws(StorageResponseError) -> ArraySlice<UInt8> {
        let start = index
        while index < bytes.count {
            if skipping(terminator) { return bytes[start..<(index - terminator.utf8CodeUnitCount)] }
            index += 1
        }
        throw .truncated
    }

    private mutating func expect(_ literal: StaticString) throws(StorageResponseError) {
        guard index < bytes.count else { throw .truncated }
        guard skipping(literal) else { throw .malformedXML("'\(literal)' was expected", offset: index) }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether a byte can be part of a name: anything but whitespace and markup delimiters.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        !isWhitespace(byte) && !"<>/=&;!?\"'".utf8.contains(byte)
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
