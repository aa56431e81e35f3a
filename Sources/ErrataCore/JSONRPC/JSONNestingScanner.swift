public import Foundation

/// Measures how deeply arrays and objects nest in JSON bytes without parsing them.
///
/// Run before a full parse so that a body of 100,000 `[` costs one linear scan and never
/// reaches a recursive parser.
public enum JSONNestingScanner {
    /// Scans `bytes` until nesting exceeds `limit`.
    ///
    /// - Returns: The depth reached (`limit + 1`) when it exceeds `limit`, else `nil`.
    ///   Brackets inside strings are ignored; malformed JSON is left to the parser.
    public static func depthExceeding(_ limit: Int, in bytes: Data) -> Int? {
        bytes.withUnsafeBytes { buffer -> Int? in
            var depth = 0
            var inString = false
            var escaped = false
            for byte in buffer {
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > limit { return depth }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
                default: break
                }
            }
            return nil
        }
    }
}
