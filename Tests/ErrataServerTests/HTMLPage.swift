import Foundation
import HummingbirdTesting
import NIOCore

/// A page's HTML, with the few lookups the page tests need (no parser: the markup is the server's own).
struct HTMLPage {
    let html: String

    init(_ response: TestResponse) {
        html = String(buffer: response.body)
    }

    /// The value of `attribute` in the first tag that opens with `prefix`, such as `<html` or `<link rel="stylesheet"`.
    func attribute(_ attribute: String, ofTagStartingWith prefix: String) -> String? {
        guard let start = html.range(of: prefix) else { return nil }
        let tag = html[start.lowerBound...].prefix { $0 != ">" }
        guard let value = tag.range(of: " \(attribute)=\"") else { return nil }
        return String(tag[value.upperBound...].prefix { $0 != "\"" })
    }

    /// The `hreflang` → `href` of every `<link rel="alternate">`.
    var alternates: [String: String] {
        var links: [String: String] = [:]
        var rest = html[...]
        while let start = rest.range(of: "<link rel=\"alternate\"") {
            let tag = rest[start.lowerBound...].prefix { $0 != ">" }
            let page = HTMLPage(String(tag) + ">")
            if let language = page.attribute("hreflang", ofTagStartingWith: "<link"), let href = page.attribute("href", ofTagStartingWith: "<link") {
                links[language] = href.replacingOccurrences(of: "&amp;", with: "&")
            }
            rest = rest[tag.endIndex...]
        }
        return links
    }

    /// The opening `<tr …>` tag of the list row linking to `href`.
    func row(linkingTo href: String) -> String? {
        guard let link = html.range(of: "<td><a href=\"\(href)\">") else { return nil }
        guard let row = html[..<link.lowerBound].range(of: "<tr ", options: .backwards) else { return nil }
        return String(html[row.lowerBound..<link.lowerBound])
    }

    private init(_ html: String) {
        self.html = html
    }
}
