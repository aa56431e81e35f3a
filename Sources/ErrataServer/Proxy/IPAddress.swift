#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address as its network-order bytes: 4 for IPv4, 16 for IPv6.
///
/// An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, what a dual-stack socket reports for an IPv4
/// peer) is the IPv4 address, so that one client has one address whichever way it is written.
package struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// The address in network byte order.
    package let bytes: [UInt8]

    /// Parses a textual address (`192.0.2.1`, `2001:db8::1`); `nil` for anything else, ports and brackets included.
    package init?(_ text: some StringProtocol) {
        let text = String(text)
        // Plain byte buffers rather than in_addr / in6_addr, whose initializers more than one
        // imported C module declares (the C library's, and SwiftNIO's shims on Linux).
        var v4 = [UInt8](repeating: 0, count: 4)
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = v4
            return
        }
        var v6 = [UInt8](repeating: 0, count: 16)
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        self.bytes = v6.prefix(12).elementsEqual(Self.mappedIPv4Prefix) ? Array(v6.suffix(4)) : v6
    }

    /// The canonical text: dotted decimal, or RFC 5952 for IPv6.
    package var description: String {
        let capacity = Int(INET6_ADDRSTRLEN)
        var text = [CChar](repeating: 0, count: capacity)
        bytes.withUnsafeBytes { _ = inet_ntop(bytes.count == 4 ? AF_INET : AF_INET6, $0.baseAddress, &text, socklen_t(capacity)) }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static let mappedIPv4Prefix: [UInt8] = Array(repeating: 0, count: 10) + [0xFF, 0xFF]
}

/// A block of addresses in CIDR notation (`10.0.0.0/8`, `2001:db8::/32`); a bare address is a block of one.
package struct IPAddressRange: Hashable, Sendable, CustomStringConvertible {
    package let network: IPAddress
    package let prefixLength: Int

    /// Parses `ADDRESS/PREFIX` or `ADDRESS`; `nil` when either part is malformed or the prefix is too long.
    package init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(parts[0]) else { return nil }
        let bits = address.bytes.count * 8
        if parts.count == 2 {
            // Digits only: Int("+8") would accept a sign.
            guard !parts[1].isEmpty, parts[1].count <= 3, parts[1].allSatisfy(\.isASCIIDigit), let length = Int(parts[1]), length <= bits else { return nil }
            prefixLength = length
        } else {
            prefixLength = bits
        }
        network = address
    }

    /// Whether `address` is in this block; an IPv4 address is never in an IPv6 block or the reverse.
    package func contains(_ address: IPAddress) -> Bool {
        guard address.bytes.count == network.bytes.count else { return false }
        var remaining = prefixLength
        for (candidate, base) in zip(address.bytes, network.bytes) where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            guard candidate & mask == base & mask else { return false }
            remaining -= 8
        }
        return true
    }

    package var description: String { "\(network)/\(prefixLength)" }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
