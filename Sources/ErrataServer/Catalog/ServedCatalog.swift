package import ErrataCore
package import ErrataStore
package import ErrataWeb
package import Foundation

/// One published revision, ready to serve: its snapshot, its delta feed, and response bodies encoded once.
///
/// Read paths never touch SQLite. Bodies are encoded on first use and then kept for the life of
/// the revision (bounded, see ``RevisionMemo``), so a publish costs what changed, not what the
/// catalog holds: every body names its revision, so no body of the previous revision is reusable,
/// and encoding all of them ahead would cost seconds for a large catalog.
package final class ServedCatalog: Sendable {
    /// The most `errors.describe` bodies kept per revision (about 25 MB of bodies at most).
    static let describeBodyCapacity = 32_768

    /// The most pages kept per revision: every error and problem page in a few locales, and the lists.
    static let pageCapacity = 4_096

    package let snapshot: CatalogSnapshot
    /// What changed in each revision up to this one.
    package let feed: RevisionFeed
    /// Where the error pages are: what `docsUrl` in the bodies says.
    package let links: DocsLinks
    /// The `locales.list` result.
    let localesBody: Data
    /// `errors.describe` results by entry and locale, for requests whose locale negotiation matched.
    private let describeBodies = RevisionMemo<DescribeKey, Data>(capacity: describeBodyCapacity)
    /// `errors.describe` results by what the call asked, in front of `describeBodies`: a repeated call
    /// skips locale negotiation and the entry lookup (most of a call's CPU in a batch).
    private let describeCallBodies = RevisionMemo<DescribeCall, Data>(capacity: describeBodyCapacity)
    /// Whole-catalog listings by locale, with their gzip encodings, for requests whose negotiation matched.
    private let listings: RevisionMemo<LanguageTag, CompressedBody>
    /// The whole catalog in every locale, as a `CatalogDocument`, kept only gzip-encoded: about 2 MB
    /// against 41 MB of JSON for 10,000 entries in 10 locales.
    private let documentGzip = RevisionMemo<Int, Data>(capacity: 1)
    /// Negotiation outcomes already computed for this revision's locales.
    private let negotiations = NegotiationCache()
    /// Rendered pages, by page and locale, for requests whose locale negotiation matched.
    private let pages = RevisionMemo<DocsPageKey, Data>(capacity: pageCapacity)

    private struct DescribeKey: Hashable, Sendable {
        var entry: EntryKey
        var locale: LanguageTag
        /// The alias asked for, which the body names; `nil` for the entry's own code.
        var requestedCode: ErrorCode?
    }

    /// What an `errors.describe` call without placeholder values asks, before negotiation and lookup.
    struct DescribeCall: Hashable, Sendable {
        /// Inputs longer than this together are answered every time rather than kept.
        static let maximumLength = 512

        var code: ErrorCode
        var variant: VariantName?
        var locale: String?
        var acceptLanguage: String?

        var isShortEnough: Bool {
            code.rawValue.utf8.count + (variant?.rawValue.utf8.count ?? 0) + (locale?.utf8.count ?? 0)
                + (acceptLanguage?.utf8.count ?? 0) <= Self.maximumLength
        }
    }

    package init(snapshot: CatalogSnapshot, feed: RevisionFeed, links: DocsLinks = DocsLinks()) {
        // Before the revision is served, off the event loops: a request must not wait while a locale
        // of a large catalog is resolved (after a publish, only the touched entries are).
        snapshot.resolveEveryLocale()
        self.snapshot = snapshot
        self.feed = feed
        self.links = links
        self.localesBody = CanonicalJSON.encode(snapshot.locales)
        self.listings = RevisionMemo(capacity: max(1, snapshot.locales.count))
    }

    /// Serves a published catalog as read from the store.
    package convenience init(_ published: PublishedCatalog, links: DocsLinks = DocsLinks()) {
        self.init(
            snapshot: CatalogSnapshot(catalog: published.catalog, revision: published.revision),
            feed: RevisionFeed(currentRevision: published.revision, floor: published.historyFloor, textRevisions: published.textRevisions),
            links: links
        )
    }

    /// The next revision: this one with a delta applied, re-resolving only the texts it touches
    /// (everything when the delta adds a locale, see `CatalogSnapshot.applying(_:)`).
    package func applying(_ delta: PublishedDelta) -> ServedCatalog {
        let changes = CatalogChanges(fromRevision: revision, toRevision: delta.revision, changes: delta.changes, locales: delta.locales)
        return ServedCatalog(
            snapshot: snapshot.applying(changes),
            feed: feed.appending(delta.changes, revision: delta.revision, floor: delta.historyFloor),
            links: links
        )
    }

    package var revision: Int { snapshot.revision }

    /// Chooses the locale to serve, as `LocaleNegotiator/negotiate(explicit:acceptLanguage:)` does,
    /// remembering the outcome for inputs seen before.
    func negotiate(explicit: String?, acceptLanguage: String?) -> LocaleNegotiation {
        negotiations.negotiation(explicit: explicit, acceptLanguage: acceptLanguage) { explicit, acceptLanguage in
            snapshot.negotiator.negotiate(explicit: explicit, acceptLanguage: acceptLanguage)
        }
    }

    // MARK: - Bodies

    /// The encoded description of an entry.
    ///
    /// - Parameters:
    ///   - entry: An entry of this revision's snapshot.
    ///   - negotiation: The locale to serve.
    ///   - parameters: Values for the entry's placeholders; a body with some is not kept.
    ///   - requestedCode: The code asked for, named in the body when it is not the entry's own.
    /// - Throws: `CatalogLookupError` for a parameter the entry does not use.
    package func describeBody(
        _ entry: CatalogEntry, negotiation: LocaleNegotiation, parameters: [String: String] = [:], requestedCode: ErrorCode? = nil
    ) throws(CatalogLookupError) -> Data {
        let requestedCode = requestedCode == entry.code ? nil : requestedCode
        // A code that is neither the entry's nor one of its aliases (one a generic entry answers) is the
        // caller's choice, without bound: its body is not kept.
        let kept = requestedCode.map(entry.aliases.contains) ?? true
        guard !negotiation.fallback, parameters.isEmpty, kept else {
            return try describe(entry, negotiation: negotiation, parameters: parameters, requestedCode: requestedCode).canonicalJSON
        }
        // A failure is thrown, never memoized (without parameters describing does not fail today).
        let key = DescribeKey(entry: entry.key, locale: negotiation.locale, requestedCode: requestedCode)
        return try describeBodies.value(for: key) { () throws(CatalogLookupError) in
            try describe(entry, negotiation: negotiation, requestedCode: requestedCode).canonicalJSON
        }
    }

    /// The encoded description a call asks for: negotiated, looked up and encoded the first time.
    ///
    /// - Throws: `CatalogLookupError` for an unknown code or variant (never kept).
    func describeBody(_ call: DescribeCall) throws(CatalogLookupError) -> Data {
        let make = { () throws(CatalogLookupError) -> Data in
            let negotiation = self.negotiate(explicit: call.locale, acceptLanguage: call.acceptLanguage)
            let entry = try self.snapshot.entry(code: call.code, variant: call.variant)
            return try self.describeBody(entry, negotiation: negotiation, requestedCode: call.code)
        }
        guard call.isShortEnough else { return try make() }
        return try describeCallBodies.value(for: call, make: make)
    }

    /// Describes an entry as the snapshot does, with the address of its page.
    ///
    /// - Throws: `CatalogLookupError` for a parameter the entry does not use.
    package func describe(
        _ entry: CatalogEntry, negotiation: LocaleNegotiation, parameters: [String: String] = [:], requestedCode: ErrorCode? = nil
    ) throws(CatalogLookupError) -> ErrorDescription {
        var description = try snapshot.describe(entry, negotiation: negotiation, parameters: parameters, requestedCode: requestedCode)
        description.docsUrl = links.errorPage(for: description)
        return description
    }

    /// The encoded listing of the entries matching a filter.
    func listingBody(negotiation: LocaleNegotiation, category: ErrorCategory? = nil, httpStatus: Int? = nil) -> Data {
        listing(negotiation: negotiation, category: category, httpStatus: httpStatus).body
    }

    /// The encoded listing of the entries matching a filter, with its gzip encoding for the unfiltered listing of a catalog locale.
    func listing(negotiation: LocaleNegotiation, category: ErrorCategory? = nil, httpStatus: Int? = nil) -> (body: Data, gzip: Data?) {
        let encode = {
            CatalogListing.body(
                revision: self.revision, locale: negotiation.locale,
                entries: self.snapshot.describeAll(negotiation: negotiation, category: category, httpStatus: httpStatus).map { description in
                    var description = description
                    description.docsUrl = self.links.errorPage(for: description)
                    return description
                }
            )
        }
        guard !negotiation.fallback, category == nil, httpStatus == nil,
              snapshot.locales.contains(where: { $0.tag == negotiation.locale })
        else {
            return (encode(), nil)
        }
        let listing = listings.value(for: negotiation.locale) { CompressedBody(encode()) }
        return (listing.identity, listing.gzip)
    }

    /// A page rendered by `render` the first time, kept for the life of the revision.
    ///
    /// Only pages in a catalog locale are kept (a fallback page is rendered anew), as with describe bodies.
    func page<Failure: Error>(
        _ key: DocsPageKey, negotiation: LocaleNegotiation, render: () throws(Failure) -> Data
    ) throws(Failure) -> Data {
        guard !negotiation.fallback else { return try render() }
        return try pages.value(for: key, make: render)
    }

    /// The whole catalog in every locale, as a gzip-encoded `CatalogDocument`.
    ///
    /// The JSON is written and compressed piece by piece, so it is never held whole; a caller that
    /// does not accept gzip gets it inflated (``GzipStream/inflate(_:)``).
    ///
    /// - Throws: `CompressNIOError` when zlib runs out of memory.
    func gzipDocument() throws -> Data {
        try documentGzip.value(for: 0) {
            var stream = try GzipStream()
            try snapshot.document.writeCanonicalJSON { piece in
                try stream.write(piece)
            }
            return try stream.finish()
        }
    }

    /// Frees what a revision needs only while it is the current one, once a newer one is served:
    /// its whole-catalog document (served for the current revision only, and no longer kept even
    /// for a request that took this revision just before the publish) and its listings (rebuilt
    /// and kept again on demand for `/v1/revisions/{n}/catalog`).
    func retire() {
        documentGzip.removeAll(forGood: true)
        listings.removeAll()
    }

    /// How many whole-catalog bodies (the document, the listings) the revision keeps: what ``retire()`` frees.
    var keptCatalogBodies: Int {
        documentGzip.count + listings.count
    }

    /// The delta feed's answer: the newest value and review state of every text changed after `since`, and the locales.
    ///
    /// - Throws: ``FeedError``.
    package func changes(since: Int, locale: LanguageTag?) throws(FeedError) -> CatalogChanges {
        try feed.changes(since: since, locale: locale, in: snapshot)
    }

    /// A strong entity tag for a representation of this revision in a locale.
    ///
    /// The fallback flag is part of each body, so it is part of the tag.
    func entityTag(for negotiation: LocaleNegotiation) -> String {
        "\"r\(revision)-\(negotiation.locale)\(negotiation.fallback ? "-fallback" : "")\""
    }
}
