package import Foundation

/// Reads strict RFC 8259 JSON in UTF-8 into a `JSONValue`, in one pass over the bytes.
///
/// `POST /rpc` refuses what lenient parsers let through — trailing commas, duplicate members
/// (compared after unescaping), a byte order mark, UTF-16, lone surrogates, invalid UTF-8 — because
/// each lets two parsers disagree on what a request means. Nesting is bounded before it is
/// followed, so 100,000 `[` cost one failed check, not a deep recursion. Integers that fit in 64 bits,
/// and integral values written as `7.0` or `7e0` up to 2^53, become `JSONValue/integer(_:)`, as
/// JSON Schema's `integer` counts them; other numbers must be finite doubles.
///
/// For example:
///
/// ```swift
/// StrictJSONParser.parse(Data(#"{"id":1}"#.utf8), maximumDepth: 32)  // .success(["id": 1])
/// StrictJSONParser.parse(Data("[1,]".utf8), maximumDepth: 32)        // .failure(.trailingComma(offset: 3))
/// ```
package enum StrictJSONParser {
    /// Why bytes are not accepted as strict JSON.
    package enum Violation: Error, Hashable, Sendable, CustomStringConvertible {
        /// Arrays and objects nest deeper than the limit.
        case nestingTooDeep(limit: Int)
        /// A `,` directly before `]` or `}` (the offset of the closing bracket).
        case trailingComma(offset: Int)
        /// An object names the same member twice (compared after unescaping).
        case duplicateKey(String, offset: Int)
        /// The body starts with a UTF-8 byte order mark.
        case byteOrderMark
        /// The body holds NUL bytes: it is UTF-16 or UTF-32, not UTF-8.
        case notUTF8
        /// Anything else that is not JSON, with what was expected.
        case syntax(String, offset: Int)

        package var description: String {
            switch self {
            case .nestingTooDeep(let limit): "JSON nesting deeper than \(limit) levels"
            case .trailingComma(let offset): "trailing comma at byte \(offset)"
            case .duplicateKey(let key, let offset): "duplicate member '\(key.prefix(64))' at byte \(offset)"
            case .byteOrderMark: "the body starts with a byte order mark; send UTF-8 without one"
            case .notUTF8: "the body is not UTF-8 (it contains NUL bytes, as UTF-16 and UTF-32 do)"
            case .syntax(let problem, let offset): "not valid JSON: \(problem) at byte \(offset)"
            }
        }
    }

    /// Parses one JSON text.
    ///
    /// - Parameters:
    ///   - bytes: The raw body.
    ///   - maximumDepth: The deepest nesting of arrays and objects allowed.
    /// - Returns: The value, or the first violation found reading left to right.
    package static func parse(_ bytes: Data, maximumDepth: Int) -> Result<JSONValue, Violation> {
        bytes.withUnsafeBytes { parse($0, maximumDepth: maximumDepth) }
    }

    /// Parses one JSON text from bytes in memory the caller owns, such as a NIO `ByteBuffer`'s readable bytes.
    package static func parse(_ bytes: UnsafeRawBufferPointer, maximumDepth: Int) -> Result<JSONValue, Violation> {
        var reader = Reader(bytes: bytes.assumingMemoryBound(to: UInt8.self), maximumDepth: maximumDepth)
        return Result { () throws(Violation) in try reader.document() }
    }
}

// MARK: - Reader

extension StrictJSONParser {
    /// A cursor over the bytes; each method reads one grammar rule (strings in `StrictJSONParser+Strings.swift`).
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let maximumDepth: Int
        var index = 0
        var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
            self.bytes = bytes
            self.maximumDepth = maximumDepth
        }

        mutating func document() throws(Violation) -> JSONValue {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { throw .byteOrderMark }
            skipWhitespace()
            guard index < bytes.count else { throw .syntax("empty body", offset: 0) }
            let value = try self.value()
            skipWhitespace()
            guard index == bytes.count else { throw unexpected("end of input") }
            return value
        }

        // MARK: Values

        mutating func value() throws(Violation) -> JSONValue {
            guard index < bytes.count else { throw unexpected("a value") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object()
            case UInt8(ascii: "["): return try array()
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw unexpected("a value")
            }
        }

        mutating func object() throws(Violation) -> JSONValue {
            try enterContainer()
            // JSON-RPC objects are small: reserving room for a few members avoids regrowing.
            var members: [JSONObject.Member] = []
            members.reserveCapacity(4)
            // Names are found by scanning while the object is small (hashing nothing); a larger
            // object's names go to a set as well, so a hostile object of many members stays linear.
            var largeObjectNames = Set<String>()
            skipWhitespace()
            if peek(UInt8(ascii: "}")) { return leaveContainer(.object(JSONObject(uniqueMembers: members))) }
            while true {
                skipWhitespace()
                let keyOffset = index
                guard peek(UInt8(ascii: "\"")) else {
                    if peek(UInt8(ascii: "}")), !members.isEmpty { throw .trailingComma(offset: index) }
                    throw unexpected("a member name")
                }
                let key = try string()
                // Checked before the value is read, so the first violation is reported whatever the value holds.
                if members.count < JSONObject.largeCount {
                    guard !members.contains(where: { $0.key == key }) else { throw .duplicateKey(key, offset: keyOffset) }
                } else {
                    if largeObjectNames.isEmpty { largeObjectNames = Set(members.lazy.map(\.key)) }
                    guard largeObjectNames.insert(key).inserted else { throw .duplicateKey(key, offset: keyOffset) }
                }
                skipWhitespace()
                guard peek(UInt8(ascii: ":")) else { throw unexpected("':'") }
                index += 1
                skipWhitespace()
                members.append(JSONObject.Member(key: key, value: try value()))
                skipWhitespace()
                if peek(UInt8(ascii: "}")) { return leaveContainer(.object(JSONObject(uniqueMembers: members))) }
                guard peek(UInt8(ascii: ",")) else { throw unexpected("',' or '}'") }
                index += 1
            }
        }

        mutating func array() throws(Violation) -> JSONValue {
            try enterContainer()
            var elements: [JSONValue] = []
            skipWhitespace()
            if peek(UInt8(ascii: "]")) { return leaveContainer(.array(elements)) }
            while true {
                skipWhitespace()
                if peek(UInt8(ascii: "]")), !elements.isEmpty { throw .trailingComma(offset: index) }
                elements.append(try value())
                skipWhitespace()
                if peek(UInt8(ascii: "]")) { return leaveContainer(.array(elements)) }
                guard peek(UInt8(ascii: ",")) else { throw unexpected("',' or ']'") }
                index += 1
            }
        }

        mutating func enterContainer() throws(Violation) {
            depth += 1
            guard depth <= maximumDepth else { throw .nestingTooDeep(limit: maximumDepth) }
            index += 1
        }

        mutating func leaveContainer(_ value: JSONValue) -> JSONValue {
            depth -= 1
            index += 1
            return value
        }

        mutating func literal(_ word: StaticString) throws(Violation) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count,
                  memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0
            else { throw unexpected("a value") }
            index += count
        }

        // MARK: Numbers

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
        mutating func number() throws(Violation) -> JSONValue {
            let start = index
            if peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw unexpected("a digit") }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                if index < bytes.count, isDigit(bytes[index]) { throw .syntax("a leading zero", offset: index - 1) }
            } else {
                skipDigits()
            }
            var isInteger = true
            if peek(UInt8(ascii: ".")) {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { throw unexpected("a digit after '.'") }
                skipDigits()
                isInteger = false
            }
            if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
                index += 1
                if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
                guard index < bytes.count, isDigit(bytes[index]) else { throw unexpected("a digit in the exponent") }
                skipDigits()
                isInteger = false
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if isInteger, let integer = Int64(text) { return .integer(integer) }
            guard let double = Double(text), double.isFinite else { throw .syntax("a number out of range", offset: start) }
            // JSON Schema's `integer` (and Foundation) count `1.0` and `1e3` as integers; so do params and
            // ids here. Only below 2^53, where every integer is exact: a rounded value is not the one sent.
            if !isInteger, double.magnitude <= 9_007_199_254_740_992, let integer = Int64(exactly: double) {
                return .integer(integer)
            }
            return .double(double)
        }

        mutating func skipDigits() {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }

        func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

        // MARK: Helpers

        func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
                default: return
                }
            }
        }

        func unexpected(_ expected: String) -> Violation {
            guard index < bytes.count else { return .syntax("the input ended where \(expected) was expected", offset: index) }
            if bytes[index] == 0 { return .notUTF8 }
            let found = bytes[index] < 0x80 && bytes[index] >= 0x20 ? "'\(Character(Unicode.Scalar(bytes[index])))'" : "byte 0x\(String(bytes[index], radix: 16))"
            return .syntax("expected \(expected), found \(found)", offset: index)
        }
    }
}
