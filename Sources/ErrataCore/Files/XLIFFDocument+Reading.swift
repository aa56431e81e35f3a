extension XLIFFDocument {
    /// The largest XLIFF file read, in bytes: far above a catalog's (about 100 KB per locale).
    package static let maximumSize = 16 << 20
    /// The deepest nesting of elements read.
    static let maximumDepth = 32

    /// Reads an XLIFF 1.2 document with one `<file>`, strictly.
    ///
    /// The XML is read by ``XMLEventReader``: a DTD or entity declaration is refused, never expanded or
    /// fetched. Units may sit in `<group>`s; a unit's `<source>` and `<target>` must be plain text (no
    /// inline markup such as `<g>` or `<x/>`); elements Errata does not use (`<alt-trans>`, other
    /// namespaces' elements) are passed over.
    ///
    /// - Throws: ``XLIFFError`` naming the first problem.
    package init(xml bytes: [UInt8]) throws(XLIFFError) {
        guard bytes.count <= Self.maximumSize else { throw .tooLarge(limit: Self.maximumSize) }
        if let offset = XMLEventReader.firstInvalidUTF8Offset(bytes) { throw .invalidUTF8(offset: offset) }
        var builder = Builder()
        var events = XMLEventReader(bytes: bytes, maximumDepth: Self.maximumDepth)
        while true {
            let event: XMLEvent?
            do throws(XMLReadError) {
                event = try events.next()
            } catch {
                throw .notWellFormed(error)
            }
            guard let event else { break }
            try builder.take(event, depth: events.depth)
        }
        self = try builder.document()
    }

    /// Collects the document from the reader's events, checking its structure as it goes.
    private struct Builder {
        /// The prefix the root element declares for Errata's namespace.
        var rootErrataPrefix: String?
        var file: (source: LanguageTag, target: LanguageTag, revision: Int?)?
        var files = 0
        var units: [Unit] = []
        var ids: Set<String> = []
        /// The unit being read and the depth of its `<trans-unit>`.
        var unit: (unit: Unit, depth: Int)?
        /// The unit's child being read (`source`, `target`, `note`), and its text so far.
        var child: (name: String, text: String)?

        mutating func take(_ event: XMLEvent, depth: Int) throws(XLIFFError) {
            switch event {
            case .start(let name, let attributes):
                try start(name, attributes: attributes, depth: depth)
            case .end(let name):
                try end(name, depth: depth)
            case .text(let text):
                if child != nil { child!.text += text }
            }
        }

        private mutating func start(_ name: String, attributes: [String: String], depth: Int) throws(XLIFFError) {
            if let child {
                throw .unsupported("<\(child.name)> of unit '\(unit?.unit.id.prefix(200) ?? "")' holds markup <\(name.prefix(64))>; only plain text is read")
            }
            if depth == 1 {
                guard name == "xliff", attributes["version"] == "1.2" else {
                    throw .notXLIFF("the root element is <\(name.prefix(64))> version \(attributes["version"]?.prefix(16) ?? "(none)"), not <xliff> version 1.2")
                }
                rootErrataPrefix = Self.prefix(of: XLIFFDocument.errataNamespace, in: attributes)
            } else if name == "file", unit == nil {
                files += 1
                guard files == 1 else { throw .unsupported("the document holds more than one <file>") }
                guard let source = attributes["source-language"].flatMap(LanguageTag.init(rawValue:)) else {
                    throw .unsupported("<file> has no well-formed source-language")
                }
                guard let target = attributes["target-language"].flatMap(LanguageTag.init(rawValue:)) else {
                    throw .unsupported("<file> has no well-formed target-language: name the language the targets are in")
                }
                let prefix = Self.prefix(of: XLIFFDocument.errataNamespace, in: attributes) ?? rootErrataPrefix
                var revision: Int?
                if let value = prefix.flatMap({ attributes["\($0):revision"] }) {
                    guard let number = Int(value), number >= 1 else { throw .unsupported("errata:revision '\(value.prefix(16))' is not a revision") }
                    revision = number
                }
                file = (source, target, revision)
            } else if name == "trans-unit", unit == nil {
                guard let id = attributes["id"], !id.isEmpty else { throw .unsupported("a <trans-unit> has no id") }
                guard ids.insert(id).inserted else { throw .unsupported("two units have the id '\(id.prefix(200))'") }
                unit = (Unit(id: id, source: "", target: nil, state: nil), depth)
            } else if let current = unit, depth == current.depth + 1, ["source", "target", "note"].contains(name) {
                if name == "target" { unit!.unit.state = attributes["state"].map(XLIFFState.init(rawValue:)) }
                child = (name, "")
            }
        }

        /// `depth` no longer counts the element that ends.
        private mutating func end(_ name: String, depth: Int) throws(XLIFFError) {
            if let finished = child, let current = unit, depth == current.depth {
                switch finished.name {
                case "source": unit!.unit.source = finished.text
                case "target": unit!.unit.target = finished.text
                default: unit!.unit.notes.append(finished.text)
                }
                child = nil
            } else if let current = unit, depth == current.depth - 1, name == "trans-unit" {
                guard file != nil else { throw .unsupported("a <trans-unit> outside a <file>") }
                units.append(current.unit)
                unit = nil
            }
        }

        func document() throws(XLIFFError) -> XLIFFDocument {
            guard let file else { throw .unsupported("the document has no <file>") }
            return XLIFFDocument(sourceLanguage: file.source, targetLanguage: file.target, revision: file.revision, units: units)
        }

        /// The prefix an element's attributes declare for `namespace` (`xmlns:prefix="namespace"`).
        private static func prefix(of namespace: String, in attributes: [String: String]) -> String? {
            attributes.first { $0.key.hasPrefix("xmlns:") && $0.value == namespace }.map { String($0.key.dropFirst("xmlns:".count)) }
        }
    }
}

/// Why an XLIFF file cannot be read. Its description is one line for an operator.
package enum XLIFFError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is larger than ``XLIFFDocument/maximumSize``.
    case tooLarge(limit: Int)
    case invalidUTF8(offset: Int)
    case notWellFormed(XMLReadError)
    /// Well-formed XML, but not an XLIFF 1.2 document.
    case notXLIFF(String)
    /// XLIFF that Errata does not read, such as a second `<file>` or markup inside a target.
    case unsupported(String)

    package var description: String {
        switch self {
        case .tooLarge(let limit): "the file is larger than \(limit) bytes, the most an import reads"
        case .invalidUTF8(let offset): "the file is not valid UTF-8 (byte \(offset))"
        case .notWellFormed(.declarationRefused(let name, let offset)):
            "the file declares <!\(name.prefix(16))> at byte \(offset); document type and entity declarations are refused"
        case .notWellFormed(.nestingTooDeep(let limit)): "the file nests elements deeper than \(limit) levels"
        case .notWellFormed(.truncated): "the file ends before its XML document does (truncated)"
        case .notWellFormed(.malformed(let problem, let offset)): "the file is not well-formed XML: \(problem) at byte \(offset)"
        case .notXLIFF(let problem): "the file is not XLIFF 1.2: \(problem)"
        case .unsupported(let problem): "the XLIFF file cannot be imported: \(problem)"
        }
    }
}
