package import Foundation

/// A file the server sends as it is: the pages' stylesheet and script, and the browser client.
package struct WebAsset: Sendable {
    /// Where the pages' stylesheet and script are served: `/assets/{name}`.
    package static let pathPrefix = "/assets/"

    /// The file name, such as `errata.css`.
    package let name: String
    package let contentType: String
    package let body: Data
    /// A strong entity tag computed from the content.
    package let entityTag: String
    /// A short hash of the content, for addresses that change when it does.
    package let version: String

    package init(name: String, body: Data) {
        self.name = name
        self.body = body
        self.contentType = Self.contentType(of: name)
        self.version = Self.hash(body)
        self.entityTag = "\"\(version)\""
    }

    private static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last {
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "ts": "application/typescript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "svg": "image/svg+xml"
        default: "application/octet-stream"
        }
    }

    /// 64-bit FNV-1a of the bytes, in hexadecimal: a content fingerprint (not a security measure).
    private static func hash(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
