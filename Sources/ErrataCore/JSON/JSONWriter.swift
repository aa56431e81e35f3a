package import Foundation

/// Writes JSON byte for byte as ``CanonicalJSON`` does, without `JSONEncoder`.
///
/// For the bodies Errata writes most — descriptions, listings, JSON-RPC envelopes — whose keys are
/// fixed and written in sorted order by hand, this is several times faster than `JSONEncoder`
/// with `.sortedKeys`, and writes into one growing buffer. Tests keep the two encodings identical.
///
/// For example:
///
/// ```swift
/// var writer = JSONWriter()
/// writer.raw("{")
/// writer.member("code", first: true)
/// writer.string("NoSuchKey")
/// writer.raw("}")
/// writer.data  // {"code":"NoSuchKey"}
/// ```
package struct JSONWriter {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8]

    /// - Parameter capacity: Bytes to reserve up front.
    package init(capacity: Int = 512) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The bytes written so far, as `Data`.
    package var data: Data { Data(bytes) }

    /// Appends text that is already JSON (punctuation, literals).
    package mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends bytes that are already JSON, such as a body encoded earlier.
    package mutating func raw(_ json: some Collection<UInt8>) {
        bytes.append(contentsOf: json)
    }

    /// Appends a body encoded earlier in one copy (called from other modules, the generic form
    /// above is not specialized for `Data`).
    package mutating func raw(_ json: Data) {
        json.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// Forgets the bytes written so far, keeping the storage: for a writer that hands its output on in pieces.
    package mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Object keys in the order `JSONEncoder` writes them with `.sortedKeys` off Apple platforms:
    /// by their UTF-8 bytes (not by `String`'s `<`, which compares canonical equivalents as equal).
    private static func sortedKeys(_ keys: some Sequence<String>) -> [String] {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Appends `"key":` for a key known only at run time, escaped, preceded by a comma unless it is the first member.
    private mutating func key(_ key: String, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Appends an array, each element written by `writeElement`.
    package mutating func array<Element, Failure: Error>(
        _ elements: some Sequence<Element>, _ writeElement: (inout JSONWriter, Element) throws(Failure) -> Void
    ) throws(Failure) {
        raw("[")
        for (index, element) in elements.enumerated() {
            if index > 0 { raw(",") }
            try writeElement(&self, element)
        }
        raw("]")
    }

    /// Appends an object with keys known only at run time, in ``sortedKeys(_:)`` order, each value written by `writeValue`.
    package mutating func object<Value, Failure: Error>(
        _ members: [String: Value], _ writeValue: (inout JSONWriter, Value) throws(Failure) -> Void
    ) throws(Failure) {
        raw("{")
        for (index, key) in Self.sortedKeys(members.keys).enumerated() {
            self.key(key, first: index == 0)
            if let value = members[key] { try writeValue(&self, value) }
        }
        raw("}")
    }

    /// Appends `"name":`, preceded by a comma unless it is the first member.
    ///
    /// - Precondition: `name` needs no escaping.
    package mutating func member(_ name: StaticString, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// Appends an integer.
    package mutating func integer(_ value: some BinaryInteger) {
        guard let value = Int64(exactly: value) else {
            bytes.append(contentsOf: String(value).utf8)
            return
        }
        integer(value)
    }

    /// Appends an integer, digit by digit: no `String` is made (ids and statuses are written per call).
    package mutating func integer(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // The digits come lowest first, so they are written from the end of a scratch as long as the longest (20).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Appends `true` or `false`.
    package mutating func bool(_ value: Bool) {
        value ? raw("true") : raw("false")
    }

    /// Appends a string, quoted and escaped as `JSONEncoder` escapes with `.withoutEscapingSlashes`:
    /// `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, and `\u00xx` for the other control characters.
    package mutating func string(_ value: String) {
        var value = value
        bytes.append(UInt8(ascii: "\""))
        value.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0xF)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a string, or `null` for `nil`.
    package mutating func string(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }
}
