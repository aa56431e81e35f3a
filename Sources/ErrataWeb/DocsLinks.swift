public import ErrataCore
import Foundation

/// The addresses of the pages: paths (`/docs/errors/NoSuchKey?locale=zh-Hant`), or absolute URLs
/// under the server's public URL (`--public-url https://errata.example.com`).
///
/// Describe results carry an error page's address as `docsUrl`, and every problem Errata answers
/// names its page as `type`, so one value decides both.
package struct DocsLinks: Hashable, Sendable {
    /// Prefixed to every path: empty, or the public URL without a trailing slash.
    package let base: String

    /// Links as paths, for a server whose public address is not known.
    package init() {
        base = ""
    }

    /// Links as absolute URLs under `publicURL`.
    ///
    /// - Throws: ``PublicURLError`` unless `publicURL` is an absolute http(s) URL with a host and
    ///   no query, fragment or user information.
    package init(publicURL: String) throws(PublicURLError) {
        guard let components = URLComponents(string: publicURL), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https"
        else { throw PublicURLError(value: publicURL, problem: "it must be an absolute http or https URL") }
        guard let host = components.host, !host.isEmpty else {
            throw PublicURLError(value: publicURL, problem: "it has no host")
        }
        guard components.query == nil, components.fragment == nil else {
            throw PublicURLError(value: publicURL, problem: "it must not have a query or a fragment")
        }
        guard components.user == nil, components.password == nil else {
            throw PublicURLError(value: publicURL, problem: "it must not carry user information")
        }
        var base = publicURL
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
    }

    /// `/docs`, the list of every error.
    package func index(locale: LanguageTag? = nil) -> String {
        base + "/docs" + Self.query([("locale", locale?.rawValue)])
    }

    /// `/docs/errors/{code}?locale=&variant=`, one error's page.
    package func errorPage(code: ErrorCode, variant: VariantName?, locale: LanguageTag?) -> String {
        base + "/docs/errors/" + Self.pathSegment(code.rawValue) + Self.query([("locale", locale?.rawValue), ("variant", variant?.rawValue)])
    }

    /// The error page a description links to, in the description's locale.
    package func errorPage(for description: ErrorDescription) -> String {
        errorPage(code: description.code, variant: description.variant, locale: description.locale)
    }

    /// `/docs/problems/{slug}`: the page a problem's `type` names.
    package func problemType(_ slug: String) -> String {
        base + "/docs/problems/" + Self.pathSegment(slug)
    }

    /// `/assets/{name}?v={version}`: a stylesheet or script, under an address that changes with its content.
    package func asset(_ asset: WebAsset) -> String {
        base + WebAsset.pathPrefix + asset.name + "?v=" + asset.version
    }

    // MARK: - Encoding

    private static let segmentCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/;?#"))
    private static let queryValueCharacters = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#;"))

    private static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? text
    }

    /// `?a=1&b=2` from the members with a value, or nothing.
    static func query(_ members: [(String, String?)]) -> String {
        let present = members.compactMap { name, value in
            value.map { "\(name)=\($0.addingPercentEncoding(withAllowedCharacters: queryValueCharacters) ?? $0)" }
        }
        return present.isEmpty ? "" : "?" + present.joined(separator: "&")
    }
}

/// A `--public-url` that cannot prefix the service's links.
package struct PublicURLError: Error, CustomStringConvertible, Sendable {
    package var value: String
    package var problem: String

    package var description: String {
        "public URL '\(value)' is not usable: \(problem) (for example https://errata.example.com)"
    }
}
