import Foundation

/// A short, stable hash of content, for entity tags and addresses that change when it does.
enum Fingerprint {
    /// 64-bit FNV-1a of the bytes, in hexadecimal (a content fingerprint, not a security measure).
    static func of(_ data: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
