package import ErrataCore

extension DocsPages {
    /// `GET /docs/problems/{slug}`: what a problem Errata answers means.
    ///
    /// - Parameter slug: One of ``problemSlugs``.
    package func problemPage(slug: String, snapshot: CatalogSnapshot, locale: LanguageTag) throws(WebResourceError) -> String {
        let strings = strings(for: locale)
        let view = ProblemView(
            title: strings["problems.\(slug).title"], reasonLabel: strings["problem.reasonLabel"], reason: Self.reason(ofSlug: slug),
            intro: strings["problem.intro"], fieldsHeading: strings["problem.fieldsHeading"],
            description: strings["problems.\(slug).description"]
        )
        let shell = try shell(title: view.title, locale: locale, snapshot: snapshot) { locale in
            links.problemType(slug) + DocsLinks.query([("locale", locale?.rawValue)])
        }
        return try render("problem", shell: shell, page: view)
    }

    /// `unknown-code` → `UnknownCode`: a problem's `reason` is its slug in upper camel case.
    static func reason(ofSlug slug: String) -> String {
        slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

/// What the `problem` template shows.
struct ProblemView {
    var title, reasonLabel, reason, intro, fieldsHeading, description: String
}
