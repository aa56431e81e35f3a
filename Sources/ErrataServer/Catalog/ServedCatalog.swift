public import ErrataCore
public import Foundation

/// One published revision, ready to serve: its snapshot plus the response bodies encoded once.
///
/// Read paths never touch SQLite: they look up a `ServedCatalog` and, for the common case
/// (a locale that negotiation matched), answer with bytes encoded when the revision was published.
public final class ServedCatalog: Sendable {
    public let snapshot: CatalogSnapshot
    /// What changed in each revision up to this one.
    public let feed: RevisionFeed
    /// `errors.describe` results by locale and entry, for requests whose locale negotiation matched.
    private let describeBodies: [LanguageTag: [EntryKey: Data]]
    /// Whole-catalog bodies by locale, with their gzip encodings, for requests whose locale negotiation matched.
    private let catalogBodies: [LanguageTag: CompressedBody]
    /// The `locales.list` result.
    let localesBody: Data
    /// The whole catalog in every locale, as a ``CatalogDocument``, with its gzip encoding.
    let document: CompressedBody
    /// Negotiation outcomes already computed for this revision's locales.
    private let negotiations = NegotiationCache()

    /// Encodes the bodies of every entry in every locale.
    public init(snapshot: CatalogSnapshot, feed: RevisionFeed) {
        self.snapshot = snapshot
        self.feed = feed
        var describeBodies: [LanguageTag: [EntryKey: Data]] = [:]
        var catalogBodies: [LanguageTag: CompressedBody] = [:]
        for locale in snapshot.locales {
            let negotiation = LocaleNegotiation(locale: locale.tag, fallback: false)
            let descriptions = snapshot.describeAll(negotiation: negotiation)
            var bodies: [EntryKey: Data] = [:]
            bodies.reserveCapacity(descriptions.count)
            for description in descriptions {
                bodies[EntryKey(code: description.code, variant: description.variant)] = CanonicalJSON.encode(description)
            }
            describeBodies[locale.tag] = bodies
            catalogBodies[locale.tag] = CompressedBody(CanonicalJSON.encode(
                CatalogListing(revision: snapshot.revision, locale: locale.tag, entries: descriptions)
            ))
        }
        self.describeBodies = describeBodies
        self.catalogBodies = catalogBodies
        self.localesBody = CanonicalJSON.encode(snapshot.locales)
        self.document = CompressedBody(CanonicalJSON.encode(CatalogDocument(catalog: snapshot.catalog, revision: snapshot.revision)))
    }

    public var revision: Int { snapshot.revision }

    /// Chooses the locale to serve, as ``LocaleNegotiator/negotiate(explicit:acceptLanguage:)`` does,
    /// remembering the outcome for inputs seen before.
    func negotiate(explicit: String?, acceptLanguage: String?) -> LocaleNegotiation {
        negotiations.negotiation(explicit: explicit, acceptLanguage: acceptLanguage) { explicit, acceptLanguage in
            snapshot.negotiator.negotiate(explicit: explicit, acceptLanguage: acceptLanguage)
        }
    }

    /// The encoded description of an entry.
    ///
    /// - Throws: ``CatalogLookupError`` for a parameter the entry does not use.
    func describeBody(
        _ entry: CatalogEntry, negotiation: LocaleNegotiation, parameters: [String: String] = [:]
    ) throws(CatalogLookupError) -> Data {
        if !negotiation.fallback, parameters.isEmpty, let body = describeBodies[negotiation.locale]?[entry.key] {
            return body
        }
        return CanonicalJSON.encode(try snapshot.describe(entry, negotiation: negotiation, parameters: parameters))
    }

    /// The encoded listing of the entries matching a filter.
    func listingBody(negotiation: LocaleNegotiation, category: ErrorCategory? = nil, httpStatus: Int? = nil) -> Data {
        listing(negotiation: negotiation, category: category, httpStatus: httpStatus).body
    }

    /// The encoded listing of the entries matching a filter, with its gzip encoding when it was made ahead.
    func listing(negotiation: LocaleNegotiation, category: ErrorCategory? = nil, httpStatus: Int? = nil) -> (body: Data, gzip: Data?) {
        if !negotiation.fallback, category == nil, httpStatus == nil, let body = catalogBodies[negotiation.locale] {
            return (body.identity, body.gzip)
        }
        let entries = snapshot.describeAll(negotiation: negotiation, category: category, httpStatus: httpStatus)
        return (CanonicalJSON.encode(CatalogListing(revision: revision, locale: negotiation.locale, entries: entries)), nil)
    }

    /// A strong entity tag for a representation of this revision in a locale.
    ///
    /// The fallback flag is part of each body, so it is part of the tag.
    func entityTag(for negotiation: LocaleNegotiation) -> String {
        "\"r\(revision)-\(negotiation.locale)\(negotiation.fallback ? "-fallback" : "")\""
    }
}

/// The answer to `errors.list`, `catalog.get` and `GET /v1/catalog`.
public struct CatalogListing: Codable, Hashable, Sendable {
    public var revision: Int
    public var locale: LanguageTag
    public var entries: [ErrorDescription]
}
