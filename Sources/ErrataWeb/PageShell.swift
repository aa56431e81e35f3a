public import ErrataCore

/// What every page around its content shows: `<head>`, the skip link, the site header with the
/// language switcher, and the footer (`shell-start` and `shell-end` templates).
///
/// A page template includes `{{>shell-start}}` and `{{>shell-end}}` around its own markup and
/// is rendered with this shell as `shell` and its own view as `page`.
package struct PageShell: Sendable {
    /// A link to the same page in another locale.
    package struct LocaleLink: Sendable {
        package var tag: String
        package var name: String
        package var href: String
        package var current: Bool
    }

    /// A `<link rel="alternate" hreflang>` of the page.
    package struct Alternate: Sendable {
        package var hreflang: String
        package var href: String
    }

    /// The page's language, `<html lang>`.
    package var lang: String
    package var title: String
    package var stylesheet: String
    package var icon: String
    /// The page's script, if it has one (loaded as a module from the same origin).
    package var script: String?
    package var canonical: String?
    package var home: String
    package var locales: [LocaleLink]
    package var alternates: [Alternate]
    /// Whether there is another locale to switch to (stored: templates read stored properties only).
    package var hasLocales: Bool
    /// The words of the shell by key, for the templates: `{{shell.strings.skipLink}}`.
    var strings: [String: String]

    /// A shell for a page available in every catalog locale.
    ///
    /// - Parameters:
    ///   - locale: The locale the page is in.
    ///   - locales: The catalog's locales, each with a link to the page in it.
    ///   - link: The page's address in a locale (`nil`: without choosing one).
    ///   - indexable: Whether the page is a resource of its own, with a canonical address and
    ///     alternates in other locales (not so an error page such as the 404 page).
    package init(
        title: String, locale: LanguageTag, strings: PageStrings, locales: [LocaleStatus], links: DocsLinks,
        stylesheet: WebAsset, icon: WebAsset, script: WebAsset?, indexable: Bool = true, link: (LanguageTag?) -> String
    ) {
        self.lang = locale.rawValue
        self.title = title
        self.stylesheet = links.asset(stylesheet)
        self.icon = links.asset(icon)
        self.script = script.map(links.asset)
        self.canonical = indexable ? link(locale) : nil
        self.home = links.index(locale: locale)
        self.locales = locales.map { LocaleLink(tag: $0.tag.rawValue, name: $0.name, href: link($0.tag), current: $0.tag == locale) }
        self.hasLocales = locales.count > 1
        self.alternates = indexable
            ? locales.map { Alternate(hreflang: $0.tag.rawValue, href: link($0.tag)) } + [Alternate(hreflang: "x-default", href: link(nil))]
            : []
        self.strings = Dictionary(uniqueKeysWithValues: Self.stringKeys.map { ($0, strings[$0]) })
    }

    private static let stringKeys = ["siteName", "skipLink", "languageLabel", "navigationLabel", "allErrors", "footer"]
}
