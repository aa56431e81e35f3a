/// A read-only `key:value` table looked up in its text, which lists the pairs sorted by key.
///
/// The CLDR tables hold some 3,000 pairs, and a locale negotiation reads a handful: building
/// dictionaries of them (two strings and a hash a pair) was 4 % of an `errata explain`. This finds
/// where each pair starts once, in one pass over the bytes, and looks keys up by binary search.
/// `Scripts/generate-language-matching.py` writes the pairs sorted by their UTF-8 bytes; a test checks it.
///
/// For example:
///
/// ```swift
/// let table = SortedTable("en:en-Latn-US zh-TW:zh-Hant-TW")
/// table["zh-TW"]  // "zh-Hant-TW"
/// ```
struct SortedTable: Sendable {
    private let bytes: [UInt8]
    /// Where each pair starts in `bytes`, in order.
    private let starts: [Int32]

    /// - Parameter text: `key:value` pairs separated by ASCII spaces, tabs and line breaks, sorted by key.
    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts: [Int32] = []
        var previousIsSeparator = true
        for (index, byte) in bytes.enumerated() {
            let isSeparator = Self.isSeparator(byte)
            if previousIsSeparator, !isSeparator { starts.append(Int32(index)) }
            previousIsSeparator = isSeparator
        }
        self.starts = starts
    }

    /// The value for `key`, or `nil`.
    subscript(key: String) -> String? {
        let key = Array(key.utf8)
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            let start = Int(starts[middle])
            let found = self.key(at: start)
            if found.elementsEqual(key) {
                var end = found.endIndex + 1
                while end < bytes.count, !Self.isSeparator(bytes[end]) { end += 1 }
                return String(decoding: bytes[(found.endIndex + 1)..<end], as: UTF8.self)
            }
            if found.lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The key of the pair starting at `start`: its bytes up to the colon.
    private func key(at start: Int) -> ArraySlice<UInt8> {
        var colon = start
        while colon < bytes.count, bytes[colon] != UInt8(ascii: ":"), !Self.isSeparator(bytes[colon]) { colon += 1 }
        return bytes[start..<colon]
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
