import NIOCore

/// The request ids one event loop makes for requests that bring none: 32 hexadecimal digits, a
/// random half and a counter, as Hummingbird's `RequestID` — but the counter is the loop's own.
///
/// Hummingbird's counter is one atomic for the whole process, incremented by every request on
/// every core, and each id is built as a `String`; an id made here is written straight into the
/// response head, and no two threads touch the same counter.
struct LoopRequestIDs {
    /// One id: `high` then `low`, each as 16 lowercase hexadecimal digits.
    struct ID: CustomStringConvertible {
        let high: UInt64
        let low: UInt64

        /// Writes the 32 digits to `buffer`.
        func write(to buffer: inout ByteBuffer) {
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 32) { bytes in
                Self.writeDigits(of: high, to: bytes, at: 0)
                Self.writeDigits(of: low, to: bytes, at: 16)
                return 32
            }
        }

        var description: String {
            var buffer = ByteBuffer()
            write(to: &buffer)
            return String(buffer: buffer)
        }

        private static func writeDigits(of value: UInt64, to bytes: UnsafeMutableRawBufferPointer, at offset: Int) {
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> (60 - 4 * index)) & 0x0F
                bytes[offset + index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
        }
    }

    private let high = UInt64.random(in: .min ... .max)
    private var low = UInt64.random(in: .min ... .max)

    /// A new id: the next value of this loop's counter.
    mutating func next() -> ID {
        defer { low &+= 1 }
        return ID(high: high, low: low)
    }
}
