package import ErrataCore

extension DocsPages {
    /// `GET /docs`: every error grouped by category; those the filter leaves out are rendered
    /// `hidden`, so the page's script can show them again as the filter widens.
    package func indexPage(snapshot: CatalogSnapshot, negotiation: LocaleNegotiation, filter: DocsFilter) throws(WebResourceError) -> String {
        let locale = negotiation.locale
        let strings = strings(for: locale)
        let descriptions = snapshot.describeAll(negotiation: negotiation)
        // Every variant of a code lists the same aliases.
        let aliasesByCode = Dictionary(snapshot.entries.map { ($0.code, $0.aliases) }) { first, _ in first }
        var rowsByCategory: [ErrorCategory: [IndexView.Row]] = [:]
        var shown = 0
        for description in descriptions {
            let aliases = aliasesByCode[description.code] ?? []
            let visible = filter.matches(description, aliases: aliases)
            if visible { shown += 1 }
            rowsByCategory[description.category, default: []].append(IndexView.Row(
                code: description.code.rawValue, variant: description.variant?.rawValue,
                href: links.errorPage(code: description.code, variant: description.variant, locale: locale),
                status: description.httpStatus, retry: description.retry.rawValue,
                origin: description.origin.rawValue, originName: strings["origins.\(description.origin.rawValue).name"],
                message: description.message, search: DocsFilter.searchText(description, aliases: aliases), hidden: !visible
            ))
        }
        let categories = rowsByCategory.keys.sorted().map { category in
            let rows = rowsByCategory[category] ?? []
            let key = "categories.\(category.rawValue)"
            return IndexView.Category(
                id: category.rawValue, name: strings.contains(key) ? strings[key] : category.rawValue,
                rows: rows, hidden: rows.allSatisfy(\.hidden)
            )
        }
        let counts = ["count": String(shown), "total": String(descriptions.count)]
        let view = IndexView(
            title: strings["index.title"], intro: strings["index.intro"], filtersHeading: strings["index.filtersHeading"],
            action: links.base + "/docs", searchLabel: strings["index.searchLabel"], query: filter.query,
            statusLabel: strings["index.statusLabel"], retryLabel: strings["index.retryLabel"], any: strings["index.any"],
            statuses: Set(descriptions.map(\.httpStatus)).sorted().map { IndexView.Option(value: String($0), label: String($0), selected: $0 == filter.httpStatus) },
            retries: RetryClass.allCases.map { IndexView.Option(value: $0.rawValue, label: strings["retry.\($0.rawValue)"], selected: $0 == filter.retry) },
            originLabel: strings["index.originLabel"], originPrefix: strings["index.originPrefix"],
            origins: EntryOrigin.allCases.map { IndexView.Option(value: $0.rawValue, label: strings["origins.\($0.rawValue).option"], selected: $0 == filter.origin) },
            submit: strings["index.submit"], reset: strings["index.reset"], resetHref: links.index(locale: locale),
            count: strings.format("index.count", counts), countTemplate: strings["index.count"], total: descriptions.count,
            noResults: strings["index.noResults"], empty: shown == 0,
            codeColumn: strings["index.codeColumn"], statusColumn: strings["index.statusColumn"], messageColumn: strings["index.messageColumn"],
            categories: categories
        )
        let shell = try shell(title: view.title, locale: locale, snapshot: snapshot, script: true) { links.index(locale: $0) }
        return try render("docs-index", shell: shell, page: view)
    }
}

/// What the `docs-index` template shows.
struct IndexView {
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Row {
        var code: String
        var variant: String?
        var href: String
        var status: Int
        var retry: String
        /// The set the code belongs to (``EntryOrigin``), for the filter's script, and its short name for the badge.
        var origin, originName: String
        var message: String
        var search: String
        var hidden: Bool
    }

    struct Category {
        var id: String
        var name: String
        var rows: [Row]
        var hidden: Bool
    }

    var title, intro, filtersHeading, action, searchLabel, query, statusLabel, retryLabel, any: String
    var statuses, retries: [Option]
    /// The origin filter's label, the words read before a row's origin badge, and the filter's options.
    var originLabel, originPrefix: String
    var origins: [Option]
    var submit, reset, resetHref, count, countTemplate: String
    var total: Int
    var noResults: String
    var empty: Bool
    var codeColumn, statusColumn, messageColumn: String
    var categories: [Category]
}
