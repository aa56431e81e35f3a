import CompressNIO
package import Foundation
import NIOCore
import NIOFoundationCompat

/// A response body together with its gzip encoding, made once when a revision is published.
package struct CompressedBody: Sendable {
    package let identity: Data
    package let gzip: Data

    /// Compresses `identity` with gzip.
    package init(_ identity: Data) {
        self.identity = identity
        var buffer = ByteBuffer(data: identity)
        do {
            self.gzip = Data(buffer: try buffer.compress(with: .gzip()))
        } catch {
            // zlib fails only when out of memory; the body is still served uncompressed.
            self.gzip = Data()
        }
    }

    /// Whether an `Accept-Encoding` header (RFC 9110 §12.5.3) accepts gzip: named, or `*`, with a non-zero weight.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        var accepted = false
        for element in header.prefix(1_024).split(separator: ",") {
            let parts = element.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, coding == "gzip" || coding == "x-gzip" || coding == "*" else { continue }
            let refused = parts.dropFirst().contains { $0.replacingOccurrences(of: " ", with: "").range(of: #"^q=0(\.0{0,3})?$"#, options: .regularExpression) != nil }
            if coding == "*" { accepted = accepted || !refused } else { return !refused }
        }
        return accepted
    }
}
