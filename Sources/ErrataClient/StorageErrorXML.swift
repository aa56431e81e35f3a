import ErrataCore
import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an S3-style XML error body: `<Error><Code>…</Code><Message>…</Message><RequestId>…</RequestId></Error>`.
enum StorageErrorXML {
    /// The response the body describes, or `nil` when it is not well-formed XML with an `Error` root and a `Code`.
    static func parse(_ body: Data) -> StorageErrorResponse? {
        let parser = XMLParser(data: body)
        // A storage error body never needs external entities; resolving them would let a body read files.
        parser.shouldResolveExternalEntities = false
        let reader = FieldReader()
        parser.delegate = reader
        // FoundationXML on Linux can report success for a body cut off inside the root; a closed root proves it whole.
        guard parser.parse(), reader.rootClosed, reader.root == "Error", let code = reader.fields["Code"], !code.isEmpty else {
            return nil
        }
        return StorageErrorResponse(
            code: ErrorCode(code),
            message: reader.fields["Message"],
            requestID: reader.fields["RequestId"],
            resource: reader.fields["Resource"]
        )
    }

    /// Collects the text of each child of the root element.
    private final class FieldReader: NSObject, XMLParserDelegate {
        private(set) var root: String?
        private(set) var fields: [String: String] = [:]
        private(set) var rootClosed = false
        private var depth = 0
        private var text = ""

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            if depth == 0 { root = elementName }
            depth += 1
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            text += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            // Depth 2 is a direct child of the root; the first occurrence of a field wins.
            if depth == 2, fields[elementName] == nil {
                let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !value.isEmpty { fields[elementName] = value }
            }
            depth -= 1
            if depth == 0 { rootClosed = true }
            text = ""
        }
    }
}
