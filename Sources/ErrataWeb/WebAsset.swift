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
        self.version = Fingerprint.of(body)
        self.entityTag = "\"\(version)\""
    }

    private static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "ts": "application/typescript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "svg": "image/svg+xml"
        default: "application/octet-stream"
        }
    }
}
