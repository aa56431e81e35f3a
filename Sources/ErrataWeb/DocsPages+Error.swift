package import ErrataCore

extension DocsPages {
    /// `GET /docs/errors/{code}?variant=`: one error in one locale, with the calls that fetch it.
    ///
    /// - Parameter alias: The other spelling of the entry's code the address named, such as
    ///   `NoSuchBucketPolicy` for `NotSuchBucketPolicy`: the page says so near its top. Its canonical
    ///   address and language links stay the entry's own.
    package func errorPage(
        snapshot: CatalogSnapshot, entry: CatalogEntry, alias: ErrorCode? = nil, negotiation: LocaleNegotiation
    ) throws(WebResourceError) -> String {
        let locale = negotiation.locale
        let strings = strings(for: locale)
        // Describing without parameters does not fail (see CatalogSnapshot.describe).
        guard let description = try? snapshot.describe(entry, negotiation: negotiation) else {
            throw WebResourceError("\(entry.key) cannot be described")
        }
        let categoryKey = "categories.\(entry.category.rawValue)"
        let variants = snapshot.entries.filter { $0.code == entry.code && $0.key != entry.key }.map { other in
            ErrorView.Variant(
                name: other.variant?.rawValue ?? strings["error.defaultVariant"],
                href: links.errorPage(code: other.code, variant: other.variant, locale: locale),
                // Variants told apart by their status (the generic answers) say it.
                status: other.httpStatus == entry.httpStatus ? nil : String(other.httpStatus)
            )
        }
        let generic = entry.origin == .generic
        let view = ErrorView(
            code: entry.code.rawValue, variant: entry.variant?.rawValue,
            aliasNotice: alias.map { strings.format("error.aliasNotice", ["alias": $0.rawValue, "code": entry.code.rawValue]) },
            genericNotice: generic ? strings["error.genericNotice"] : nil,
            fallback: description.fallback, fallbackNotice: strings["error.fallbackNotice"],
            messageHeading: strings["error.messageHeading"], message: description.message,
            remediationHeading: strings["error.remediationHeading"], remediation: description.remediation,
            developerHintHeading: strings["error.developerHintHeading"], developerHintIntro: strings["error.developerHintIntro"],
            developerHint: description.developerHint,
            detailsHeading: strings["error.detailsHeading"],
            statusLabel: strings["error.statusLabel"], httpStatus: description.httpStatus,
            retryLabel: strings["error.retryLabel"], retry: strings["retry.\(description.retry.rawValue)"],
            faultLabel: strings["error.faultLabel"], fault: strings["fault.\(description.fault.rawValue)"],
            categoryLabel: strings["error.categoryLabel"],
            category: strings.contains(categoryKey) ? strings[categoryKey] : entry.category.rawValue,
            originLabel: strings["error.originLabel"], origin: strings["origins.\(entry.origin.rawValue).description"],
            aliasesLabel: strings["error.aliasesLabel"], hasAliases: !entry.aliases.isEmpty, aliases: entry.aliases.map(\.rawValue),
            serviceMessageHeading: strings[Self.serviceMessageHeadingKey(entry.origin)],
            serviceMessage: entry.serviceMessage,
            variantsHeading: strings["error.variantsHeading"], hasVariants: !variants.isEmpty, variants: variants,
            examplesHeading: strings["error.examplesHeading"],
            examplesHint: links.base.isEmpty ? strings["error.examplesHint"] : nil, copy: strings["error.copy"], copied: strings["error.copied"],
            examples: [
                ErrorView.Example(id: "rest-example", label: strings["error.restExample"], command: restExample(entry.key, locale: locale)),
                ErrorView.Example(id: "rpc-example", label: strings["error.rpcExample"], command: rpcExample(entry.key, locale: locale)),
            ]
        )
        let shell = try shell(title: entry.code.rawValue, locale: locale, snapshot: snapshot, script: true) {
            links.errorPage(code: entry.code, variant: entry.variant, locale: $0)
        }
        return try render("error", shell: shell, page: view)
    }

    /// What the entry's service message is, by origin: the service's words, S3's, or (for a generic
    /// answer, which no service sends) when Errata gives it.
    private static func serviceMessageHeadingKey(_ origin: EntryOrigin) -> String {
        switch origin {
        case .service: "error.serviceMessageHeading"
        case .s3: "error.s3MessageHeading"
        case .generic: "error.genericConditionHeading"
        }
    }

    // MARK: - Examples

    /// Where the examples send their calls: the public URL, or a shell variable to set.
    private var serviceAddress: String {
        links.base.isEmpty ? "$ERRATA_URL" : links.base
    }

    private func restExample(_ key: EntryKey, locale: LanguageTag) -> String {
        let path = "/v1/errors/\(key.code.rawValue)" + DocsLinks.query([("locale", locale.rawValue), ("variant", key.variant?.rawValue)])
        return "curl \"\(serviceAddress)\(path)\""
    }

    private func rpcExample(_ key: EntryKey, locale: LanguageTag) -> String {
        var params: JSONObject = ["code": .string(key.code.rawValue), "locale": .string(locale.rawValue)]
        if let variant = key.variant { params["variant"] = .string(variant.rawValue) }
        let call: JSONValue = .object(["jsonrpc": "2.0", "id": 1, "method": "errors.describe", "params": .object(params)])
        let body = String(decoding: CanonicalJSON.encode(call), as: UTF8.self)
        // The body is JSON of identifiers and tags: it holds no single quote to escape for the shell.
        return "curl \"\(serviceAddress)/rpc\" -H 'Content-Type: application/json' \\\n  -d '\(body)'"
    }
}

/// What the `error` template shows.
struct ErrorView {
    struct Variant {
        var name: String
        var href: String
        /// The variant's HTTP status, when it differs from this page's.
        var status: String?
    }

    struct Example {
        var id: String
        var label: String
        var command: String
    }

    var code: String
    var variant: String?
    /// "NoSuchBucketPolicy is another spelling of NotSuchBucketPolicy", on a page reached by an alias.
    var aliasNotice: String?
    /// That the page is Errata's answer for codes it does not know, on a generic entry's page.
    var genericNotice: String?
    var fallback: Bool
    var fallbackNotice, messageHeading, message, remediationHeading, remediation: String
    var developerHintHeading, developerHintIntro: String
    /// The entry's hint for developers in the page's locale; the section is left out when there is none.
    var developerHint: String?
    var detailsHeading, statusLabel: String
    var httpStatus: Int
    var retryLabel, retry, faultLabel, fault, categoryLabel, category, originLabel, origin, aliasesLabel: String
    var hasAliases: Bool
    var aliases: [String]
    var serviceMessageHeading, serviceMessage, variantsHeading: String
    var hasVariants: Bool
    var variants: [Variant]
    var examplesHeading: String
    /// How to set the address the examples use, when the server does not know its public URL.
    var examplesHint: String?
    var copy, copied: String
    var examples: [Example]
}
