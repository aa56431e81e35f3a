public import Foundation

/// Enforces what Foundation's JSON parser lets through, in one linear pass before parsing.
///
/// `POST /rpc` takes strict RFC 8259 JSON in UTF-8. Foundation's parser on Linux accepts
/// trailing commas, keeps the first of two duplicate keys, skips a byte order mark and reads
/// UTF-16: each of those lets two parsers disagree on what a request means, so Errata refuses
/// them. The scan also bounds nesting, so that 100,000 `[` cost one pass and never reach a
/// recursive parser. Everything else (numbers, literals, escapes, structure) is left to the parser.
public enum StrictJSONScanner {
    /// Something strict JSON does not allow.
    public enum Violation: Hashable, Sendable, CustomStringConvertible {
        /// Arrays and objects nest deeper than the limit.
        case nestingTooDeep(limit: Int)
        /// A `,` directly before `]` or `}`.
        case trailingComma(offset: Int)
        /// An object names the same member twice (compared after unescaping).
        case duplicateKey(String, offset: Int)
        /// The body starts with a UTF-8 byte order mark.
        case byteOrderMark
        /// The body holds NUL bytes: it is UTF-16 or UTF-32, not UTF-8.
        case notUTF8

        public var description: String {
            switch self {
            case .nestingTooDeep(let limit): "JSON nesting deeper than \(limit) levels"
            case .trailingComma(let offset): "trailing comma at byte \(offset)"
            case .duplicateKey(let key, let offset): "duplicate member '\(key.prefix(64))' at byte \(offset)"
            case .byteOrderMark: "the body starts with a byte order mark; send UTF-8 without one"
            case .notUTF8: "the body is not UTF-8 (it contains NUL bytes, as UTF-16 and UTF-32 do)"
            }
        }
    }

    /// Scans `bytes` for the first violation.
    ///
    /// - Parameters:
    ///   - bytes: The raw body.
    ///   - maximumDepth: The deepest nesting of arrays and objects allowed.
    /// - Returns: The first violation found, or `nil`.
    public static func firstViolation(in bytes: Data, maximumDepth: Int) -> Violation? {
        bytes.withUnsafeBytes { buffer -> Violation? in
            let bytes = buffer.bindMemory(to: UInt8.self)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .byteOrderMark }
            // For each open container: whether it is an object, and the member names seen so far.
            var containers: [(isObject: Bool, keys: Set<String>)] = []
            var expectingKey = false
            var afterComma = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x00:
                    return .notUTF8
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    index += 1
                    continue
                case UInt8(ascii: "\""):
                    let start = index
                    index += 1
                    var escaped = false
                    while index < bytes.count {
                        let character = bytes[index]
                        if character == 0x00 { return .notUTF8 }
                        if escaped { escaped = false } else if character == UInt8(ascii: "\\") { escaped = true } else if character == UInt8(ascii: "\"") { break }
                        index += 1
                    }
                    if expectingKey, !containers.isEmpty {
                        let key = memberName(UnsafeBufferPointer(rebasing: bytes[start..<min(index + 1, bytes.count)]))
                        if !containers[containers.count - 1].keys.insert(key).inserted {
                            return .duplicateKey(key, offset: start)
                        }
                        expectingKey = false
                    }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    containers.append((byte == UInt8(ascii: "{"), []))
                    if containers.count > maximumDepth { return .nestingTooDeep(limit: maximumDepth) }
                    expectingKey = byte == UInt8(ascii: "{")
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if afterComma { return .trailingComma(offset: index) }
                    if !containers.isEmpty { containers.removeLast() }
                    expectingKey = false
                case UInt8(ascii: ","):
                    afterComma = true
                    expectingKey = containers.last?.isObject ?? false
                    index += 1
                    continue
                default:
                    break
                }
                afterComma = false
                index += 1
            }
            return nil
        }
    }

    /// A member name as it compares: unescaped when it holds escapes (`"\u0061"` is `a`).
    private static func memberName(_ quoted: UnsafeBufferPointer<UInt8>) -> String {
        guard quoted.contains(UInt8(ascii: "\\")) else {
            return String(decoding: quoted.dropFirst().dropLast(), as: UTF8.self)
        }
        return (try? JSONDecoder().decode(String.self, from: Data(quoted))) ?? String(decoding: quoted, as: UTF8.self)
    }
}
