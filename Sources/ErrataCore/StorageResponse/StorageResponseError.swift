/// Why a storage service's response cannot be read, named so that a person can fix the input.
///
/// Reading never crashes, hangs or fetches anything: every hostile input ends in one of these.
public enum StorageResponseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Neither a body nor headers were given.
    case empty
    /// The body is larger than ``StorageResponse/maximumBodySize``.
    case tooLarge(size: Int, limit: Int)
    /// The body is not UTF-8; the offset of the first byte that is not.
    case invalidUTF8(offset: Int)
    /// The body starts with neither `<` (XML) nor `{` or `[` (JSON).
    case unrecognizedFormat
    /// The XML holds a declaration (`<!DOCTYPE`, `<!ENTITY`…): refused, never expanded or fetched.
    case declarationRefused(String, offset: Int)
    /// Elements or JSON containers nest deeper than the limit.
    case nestingTooDeep(limit: Int)
    /// The body ends before its document does.
    case truncated
    /// The XML is not well-formed, with what is wrong and where.
    case malformedXML(String, offset: Int)
    /// The JSON is not strict RFC 8259 JSON, with what is wrong and where.
    case malformedJSON(String)
    /// The document is well-formed but not an error: another XML root, or JSON that is not an object.
    case notAnError(String)

    public var description: String {
        switch self {
        case .empty: "the response has neither a body nor headers"
        case .tooLarge(let size, let limit): "the body is \(size) bytes; at most \(limit) are read"
        case .invalidUTF8(let offset): "the body is not valid UTF-8 (byte \(offset))"
        case .unrecognizedFormat: "the body is neither XML nor JSON (it starts with none of '<', '{' and '[')"
        case .declarationRefused(let name, let offset):
            "the XML declares <!\(name.prefix(16))> at byte \(offset); document type and entity declarations are refused"
        case .nestingTooDeep(let limit): "the body nests deeper than \(limit) levels"
        case .truncated: "the body ends before its document does (truncated)"
        case .malformedXML(let problem, let offset): "the XML is not well-formed: \(problem) at byte \(offset)"
        case .malformedJSON(let problem): "the JSON is not strict JSON: \(problem)"
        case .notAnError(let what): "the body is not an error response: \(what)"
        }
    }
}
