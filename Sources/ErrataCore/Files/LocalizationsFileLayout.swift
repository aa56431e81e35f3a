import Foundation

/// How `Localizations/` files are laid out: sorted keys, two-space indentation, `"key": value`, and
/// empty objects and arrays written `{}` and `[]`.
///
/// It is the layout of the committed files, so that an export of what they imported gives them back
/// byte for byte and a diff shows only what changed.
enum LocalizationsFileLayout {
    /// Encodes `value` in this layout, ending with a line feed.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Data(indented(Array(try encoder.encode(value))))
    }

    /// Lays out compact JSON (no whitespace outside strings); strings are copied as they are.
    static func indented(_ compact: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(compact.count * 2)
        var depth = 0
        func newLine() {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        }
        var inString = false
        var escaped = false
        var index = compact.startIndex
        while index < compact.endIndex {
            let byte = compact[index]
            index += 1
            if inString {
                output.append(byte)
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
            case UInt8(ascii: "\""):
                inString = true
                output.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                output.append(byte)
                if index < compact.endIndex, compact[index] == byte + 2 {  // `}` and `]` follow `{` and `[` by 2
                    output.append(compact[index])
                    index += 1
                } else {
                    depth += 1
                    newLine()
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newLine()
                output.append(byte)
            case UInt8(ascii: ","):
                output.append(byte)
                newLine()
            case UInt8(ascii: ":"):
                output.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\n"))
        return output
    }
}
