extension StrictJSONParser.Reader {
    // MARK: Strings

    /// A string from its opening quote; escapes are decoded and UTF-8 is validated.
    mutating func string() throws(StrictJSONParser.Violation) -> String {
        let start = index
        index += 1
        let contentStart = index
        var union: UInt8 = 0
        // The common case: no escapes, so the bytes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<index])
                index += 1
                // ASCII needs no validation; decoding it is a copy.
                return union < 0x80 ? String(decoding: content, as: UTF8.self) : try validated(content, at: start)
            }
            union |= byte
            if byte == UInt8(ascii: "\\") { break }
            try checkCharacter(byte)
            index += 1
        }
        var decoded = Array(bytes[contentStart..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try decoded.withUnsafeBufferPointer { buffer throws(StrictJSONParser.Violation) in try validated(buffer, at: start) }
            case UInt8(ascii: "\\"):
                try escape(into: &decoded)
            default:
                try checkCharacter(byte)
                decoded.append(byte)
                index += 1
            }
        }
        throw .syntax("an unterminated string", offset: start)
    }

    func checkCharacter(_ byte: UInt8) throws(StrictJSONParser.Violation) {
        if byte == 0 { throw .notUTF8 }
        if byte < 0x20 { throw .syntax("an unescaped control character in a string", offset: index) }
    }

    func validated(_ content: UnsafeBufferPointer<UInt8>, at offset: Int) throws(StrictJSONParser.Violation) -> String {
        guard let string = String(validating: content, as: UTF8.self) else {
            throw .syntax("a string that is not valid UTF-8", offset: offset)
        }
        return string
    }

    /// Decodes the escape at `index` (a backslash) and appends its UTF-8 bytes.
    mutating func escape(into decoded: inout [UInt8]) throws(StrictJSONParser.Violation) {
        let start = index
        index += 1
        guard index < bytes.count else { throw .syntax("an unterminated string", offset: start) }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(letter)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try hexQuad(escapeAt: start))
            if (0xD800..<0xDC00).contains(scalar) {
                guard peek(UInt8(ascii: "\\")), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw .syntax("a lone surrogate escape", offset: start)
                }
                index += 2
                let low = UInt32(try hexQuad(escapeAt: start))
                guard (0xDC00..<0xE000).contains(low) else { throw .syntax("a lone surrogate escape", offset: start) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw .syntax("a lone surrogate escape", offset: start)
            }
            decoded.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
        default:
            throw .syntax("an invalid escape", offset: start)
        }
    }

    mutating func hexQuad(escapeAt start: Int) throws(StrictJSONParser.Violation) -> UInt16 {
        guard index + 4 <= bytes.count else { throw .syntax("a short \\u escape", offset: start) }
        var value: UInt16 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8 = switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: throw .syntax("a short \\u escape", offset: start)
            }
            value = value << 4 | UInt16(digit)
        }
        index += 4
        return value
    }
}
