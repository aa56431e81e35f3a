/// Reads XML strictly, in one pass without recursion, as a sequence of ``XMLEvent``s.
///
/// Why not `XMLParser`: on Linux FoundationXML is libxml2, which, even with
/// `shouldResolveExternalEntities = false`, still expands internal entities a DTD declares (a
/// "billion laughs" document costs memory and time before any delegate call can stop it), and reports
/// success for a document cut off inside the root element. The documents Errata reads (S3-style error
/// bodies, XLIFF files) need only elements, attributes, text, CDATA, comments, processing instructions
/// and the predefined and numeric character references; this reader reads exactly those and refuses
/// every `<!…>` declaration, so nothing is ever expanded or fetched. Its cost is linear in the
/// document, and nesting is bounded before it is followed.
struct XMLEventReader {
    private let bytes: [UInt8]
    private let maximumDepth: Int
    private var index = 0
    /// The names of the elements open at the current position, outermost first.
    private var open: [String] = []
    private var sawRoot = false
    /// Whether the element just started closed itself (`<a/>`): its end is the next event.
    private var selfClosed = false

    /// - Parameters:
    ///   - bytes: The document, already checked to be UTF-8 (see ``firstInvalidUTF8Offset(_:)``).
    ///   - maximumDepth: The deepest nesting of elements allowed.
    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// How many elements are open: 1 inside the root element, counting an element just started
    /// and no longer counting one just ended.
    var depth: Int { open.count }

    /// The next event, or `nil` after the root element closed and only whitespace, comments and
    /// processing instructions followed.
    ///
    /// - Throws: ``XMLReadError`` naming the first problem, left to right.
    mutating func next() throws(XMLReadError) -> XMLEvent? {
        if selfClosed {
            selfClosed = false
            return .end(name: open.removeLast())
        }
        while index < bytes.count {
            let start = index
            switch bytes[index] {
            case UInt8(ascii: "<"):
                if skipping("<?") {
                    try skip(past: "?>")
                } else if skipping("<!--") {
                    try skip(past: "-->")
                } else if skipping("<![CDATA[") {
                    guard !open.isEmpty else { throw .malformed("CDATA outside the root element", offset: start) }
                    let content = try skip(past: "]]>")
                    if let offset = content.indices.first(where: { isForbiddenCharacter(at: $0) }) {
                        throw .malformed("a character XML does not allow", offset: offset)
                    }
                    return .text(String(decoding: content, as: UTF8.self))
                } else if skipping("<!") {
                    throw .declarationRefused(String(decoding: bytes[index...].prefix { Self.isNameByte($0) }, as: UTF8.self), offset: start)
                } else if skipping("</") {
                    let name = try name()
                    skipWhitespace()
                    try expect(">")
                    guard open.last == name else {
                        throw .malformed("</\(name.prefix(64))> closes <\(open.last?.prefix(64) ?? "nothing")>", offset: start)
                    }
                    open.removeLast()
                    return .end(name: name)
                } else {
                    index += 1
                    let name = try name()
                    guard !sawRoot || !open.isEmpty else { throw .malformed("a second root element <\(name.prefix(64))>", offset: start) }
                    guard open.count < maximumDepth else { throw .nestingTooDeep(limit: maximumDepth) }
                    let (attributes, selfClosing) = try attributes()
                    sawRoot = true
                    open.append(name)
                    selfClosed = selfClosing
                    return .start(name: name, attributes: attributes)
                }
            case UInt8(ascii: "&"):
                guard !open.isEmpty else { throw .malformed("a reference outside the root element", offset: start) }
                return .text(String(Character(try reference())))
            default:
                while index < bytes.count, bytes[index] != UInt8(ascii: "<"), bytes[index] != UInt8(ascii: "&") {
                    if open.isEmpty, !Self.isWhitespace(bytes[index]) {
                        throw .malformed("text outside the root element", offset: index)
                    }
                    if isForbiddenCharacter(at: index) { throw .malformed("a character XML does not allow", offset: index) }
                    index += 1
                }
                if !open.isEmpty { return .text(String(decoding: bytes[start..<index], as: UTF8.self)) }
            }
        }
        guard sawRoot, open.isEmpty else { throw .truncated }
        return nil
    }

    // MARK: - Markup

    /// Reads the attributes of a start tag and its closing `>` or `/>`.
    ///
    /// - Returns: The attributes by name, values with their references replaced, and whether the tag closes itself (`/>`).
    private mutating func attributes() throws(XMLReadError) -> (attributes: [String: String], selfClosing: Bool) {
        var attributes: [String: String] = [:]
        while true {
            skipWhitespace()
            if skipping("/>") { return (attributes, true) }
            if skipping(">") { return (attributes, false) }
            let nameStart = index
            let name = try name()
            skipWhitespace()
            try expect("=")
            skipWhitespace()
            guard index < bytes.count else { throw .truncated }
            let quote = bytes[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw .malformed("an attribute value without quotes", offset: index)
            }
            index += 1
            var value = ""
            var runStart = index
            while index < bytes.count, bytes[index] != quote {
                switch bytes[index] {
                case UInt8(ascii: "<"):
                    throw .malformed("'<' in an attribute value", offset: index)
                case _ where isForbiddenCharacter(at: index):
                    throw .malformed("a character XML does not allow", offset: index)
                case UInt8(ascii: "&"):
                    value += String(decoding: bytes[runStart..<index], as: UTF8.self)
                    value.unicodeScalars.append(try reference())
                    runStart = index
                case let byte where Self.isWhitespace(byte):
                    // Attribute-value normalization (XML 1.0 §3.3.3): a literal tab or line break is a space.
                    value += String(decoding: bytes[runStart..<index], as: UTF8.self) + " "
                    index += 1
                    runStart = index
                default:
                    index += 1
                }
            }
            value += String(decoding: bytes[runStart..<min(index, bytes.count)], as: UTF8.self)
            try expect(quote == UInt8(ascii: "\"") ? "\"" : "'")
            guard attributes.updateValue(value, forKey: name) == nil else {
                throw .malformed("a second attribute '\(name.prefix(64))'", offset: nameStart)
            }
        }
    }

    /// An element or attribute name.
    private mutating func name() throws(XMLReadError) -> String {
        let start = index
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        guard index > start else {
            throw index == bytes.count ? XMLReadError.truncated : XMLReadError.malformed("a name was expected", offset: start)
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// A character reference or one of the five predefined entities, from its `&`.
    private mutating func reference() throws(XMLReadError) -> Unicode.Scalar {
        let start = index
        guard let end = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
            throw index + 12 > bytes.count ? XMLReadError.truncated : XMLReadError.malformed("an unterminated reference", offset: start)
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
            guard let number else { throw .malformed("a reference to the undeclared entity '\(name)'", offset: start) }
            guard let scalar = Unicode.Scalar(number), Self.isCharacter(scalar) else {
                throw .malformed("a reference to an invalid character", offset: start)
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
    private mutating func skip(past terminator: StaticString) throws(XMLReadError) -> ArraySlice<UInt8> {
        let start = index
        while index < bytes.count {
            if skipping(terminator) { return bytes[start..<(index - terminator.utf8CodeUnitCount)] }
            index += 1
        }
        throw .truncated
    }

    private mutating func expect(_ literal: StaticString) throws(XMLReadError) {
        guard index < bytes.count else { throw .truncated }
        guard skipping(literal) else { throw .malformed("'\(literal)' was expected", offset: index) }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
    }

    /// Whether the input at `index` starts a character XML 1.0 does not allow anywhere (its `Char`
    /// production): a C0 control other than tab, line feed and carriage return, U+FFFE or U+FFFF.
    private func isForbiddenCharacter(at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x20 { return !Self.isWhitespace(byte) }
        return byte == 0xEF && bytes[index...].starts(with: [0xEF, 0xBF]) && index + 2 < bytes.count && bytes[index + 2] >= 0xBE
    }

    /// Whether XML 1.0 allows `scalar` (its `Char` production), as a reference or written out.
    private static func isCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xFFFD, 0x10000...: true
        default: false
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether a byte can be part of a name: anything but whitespace and markup delimiters.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        !isWhitespace(byte) && !"<>/=&;!?\"'".utf8.contains(byte)
    }

    /// The offset of the first byte that is not part of valid UTF-8, if any.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

/// One step of an XML document, as ``XMLEventReader`` reads it.
enum XMLEvent: Hashable, Sendable {
    /// A start tag; an element that closes itself (`<a/>`) is followed by its ``end(name:)`` at once.
    case start(name: String, attributes: [String: String])
    case end(name: String)
    /// Character data inside the root element: a run of text, a CDATA section or one reference.
    case text(String)
}

/// Why ``XMLEventReader`` stopped.
package enum XMLReadError: Error, Hashable, Sendable {
    /// A declaration (`<!DOCTYPE`, `<!ENTITY`…): refused, never expanded or fetched.
    case declarationRefused(String, offset: Int)
    /// Elements nest deeper than the limit.
    case nestingTooDeep(limit: Int)
    /// The input ends before its document does.
    case truncated
    /// The XML is not well-formed, with what is wrong and where.
    case malformed(String, offset: Int)
}
