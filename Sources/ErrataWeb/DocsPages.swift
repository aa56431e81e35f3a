package import ErrataCore
import Foundation

/// Renders the pages under `/docs` from a catalog snapshot: HTML strings, every text escaped.
///
/// Rendering only reads the snapshot it is given; caching the result per revision is the caller's.
package struct DocsPages: Sendable {
    package let links: DocsLinks
    let resources: WebResources
    /// The problem slugs with a page: the `type` of every problem Errata answers.
    package let problemSlugs: Set<String>
    /// A hash of everything a page is made of besides the catalog: templates, strings, assets and
    /// links. Part of a page's entity tag, so that a page a new build renders differently never
    /// revalidates a copy the old build rendered for the same revision.
    package let fingerprint: String

    package init(links: DocsLinks, resources: WebResources) {
        self.links = links
        self.resources = resources
        self.problemSlugs = Set(resources.strings(for: .english).keys(under: "problems"))
        self.fingerprint = Fingerprint.of((resources.fingerprint + links.base).utf8)
    }

    /// The page strings for `locale` (English where it has none).
    package func strings(for locale: LanguageTag) -> PageStrings {
        resources.strings(for: locale)
    }

    // MARK: - Rendering

    /// Renders `template` with the shell and the page's view.
    func render(_ template: String, shell: PageShell, page: Any) throws(WebResourceError) -> String {
        return try resources.render(template, ["shell": shell, "page": page] as [String: Any])
    }

    /// A shell for a page of `snapshot` in `locale`, whose address in a locale is `link`.
    func shell(
        title: String, locale: LanguageTag, snapshot: CatalogSnapshot, script: Bool = false, indexable: Bool = true,
        link: (LanguageTag?) -> String
    ) throws(WebResourceError) -> PageShell {
        guard let stylesheet = resources.assets["errata.css"], let icon = resources.assets["favicon.svg"],
              let docsScript = resources.assets["docs.js"]
        else {
            throw WebResourceError("the pages' stylesheet, icon or script is missing")
        }
        return PageShell(
            title: title, locale: locale, strings: strings(for: locale), locales: snapshot.locales, links: links,
            stylesheet: stylesheet, icon: icon, script: script ? docsScript : nil, indexable: indexable, link: link
        )
    }
}
