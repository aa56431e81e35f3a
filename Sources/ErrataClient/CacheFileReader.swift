import ErrataCore
import Foundation

/// Reads `catalog.json` without `Codable`.
///
/// The cache file is what a CLI run reads first, and `JSONDecoder` spent most of its time there in the
/// Swift runtime's first-use protocol-conformance lookups (one scan of every conformance record in
/// the binary per decoded type), not in parsing: a third of an `errata explain`. This reader walks the
/// `JSONSerialization` tree instead. It reads exactly what `CachedCatalog`'s `Codable` form writes,
/// which stays the definition of the format: the cache is written with it, and the tests read back files written with it.
enum CacheFileReader {
    /// Why a file is not a usable cache.
    enum Failure: Error {
        /// Not JSON at all, or cut short.
        case notJSON
        /// JSON, but not an object with a `formatVersion`.
        case foreign
        /// A cache file of another format version.
        case version(Int)
        /// A cache file of this version with a missing or malformed field, named in the reason.
        case malformed(String)
    }

    /// Decodes a cache file.
    ///
    /// - Throws: ``Failure``, saying why the file cannot be used.
    static func read(_ data: Data) throws(Failure) -> CachedCatalog {
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw Failure.foreign }
            root = object
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .notJSON
        }
        guard let version = root["formatVersion"] as? Int else { throw .foreign }
        guard version == CachedCatalog.currentFormatVersion else { throw .version(version) }
        guard let savedAt = (root["savedAt"] as? String).flatMap({ try? Date($0, strategy: .iso8601) }) else {
            throw .malformed("savedAt is not an ISO 8601 date")
        }
        var locales: [LanguageTag]?
        if let kept = root["locales"] as? [Any] {
            locales = try kept.map { (tag) throws(Failure) in try Self.tag(tag) }
        }
        return CachedCatalog(
            savedAt: savedAt, serverURL: root["serverURL"] as? String, locales: locales, document: try Self.document(root["document"])
        )
    }

    /// The date in a freshness file (`{"lastCheckedAt": "…"}`), if it has one.
    static func lastCheckedAt(_ data: Data) -> Date? {
        ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any])?["lastCheckedAt"]
            .flatMap { $0 as? String }.flatMap { try? Date($0, strategy: .iso8601) }
    }

    // MARK: - The catalog document

    private static func document(_ value: Any?) throws(Failure) -> CatalogDocument {
        guard let object = value as? [String: Any] else { throw .malformed("document is not an object") }
        guard let formatVersion = object["formatVersion"] as? Int, let revision = object["revision"] as? Int else {
            throw .malformed("document has no formatVersion or revision")
        }
        guard let locales = object["locales"] as? [Any], let entries = object["entries"] as? [Any],
            let texts = object["texts"] as? [String: Any], let needsReview = object["needsReview"] as? [String]
        else { throw .malformed("document lacks locales, entries, texts or needsReview") }
        // CatalogDocument has no memberwise initializer outside ErrataCore: start from an empty catalog's.
        let empty = Catalog(sourceLocale: try tag(object["sourceLanguage"] as Any), locales: [], entries: [], texts: [:])
        var document = CatalogDocument(catalog: empty, revision: revision)
        document.formatVersion = formatVersion
        document.locales = try locales.map { (locale) throws(Failure) in
            guard let locale = locale as? [String: Any], let name = locale["name"] as? String else {
                throw .malformed("a locale has no name")
            }
            return LocaleInfo(tag: try tag(locale["tag"] as Any), name: name)
        }
        document.entries = try entries.map(Self.entry)
        var textsByKey: [String: [String: String]] = [:]
        for (key, byLocale) in texts {
            guard let byLocale = byLocale as? [String: String] else { throw .malformed("texts are not strings by locale") }
            textsByKey[key] = byLocale
        }
        document.texts = textsByKey
        document.needsReview = needsReview
        // Absent from cache files written before retry policies were catalog data.
        if let policies = object["retryPolicies"] {
            guard let policies = policies as? [String: Any] else { throw .malformed("retryPolicies is not an object") }
            document.retryPolicies = RetryPolicies(
                retryable: try retryPolicy(policies["retryable"]), throttling: try retryPolicy(policies["throttling"])
            )
        }
        return document
    }

    /// A retry policy object, or `nil` for none.
    private static func retryPolicy(_ value: Any?) throws(Failure) -> RetryPolicy? {
        guard let value else { return nil }
        guard let object = value as? [String: Any], let baseDelayMs = object["baseDelayMs"] as? Int,
            let maxDelayMs = object["maxDelayMs"] as? Int, let maxAttempts = object["maxAttempts"] as? Int,
            let honorRetryAfter = object["honorRetryAfter"] as? Bool
        else { throw .malformed("a retry policy lacks a number or has one of the wrong type") }
        return RetryPolicy(baseDelayMs: baseDelayMs, maxDelayMs: maxDelayMs, maxAttempts: maxAttempts, honorRetryAfter: honorRetryAfter)
    }

    private static func entry(_ value: Any) throws(Failure) -> CatalogManifest.Entry {
        guard let object = value as? [String: Any], let code = object["code"] as? String,
            let httpStatus = object["httpStatus"] as? Int, let serviceMessage = object["serviceMessage"] as? String,
            let category = object["category"] as? String, let parameters = object["parameters"] as? [String: String],
            let retry = (object["retry"] as? String).flatMap(RetryClass.init(rawValue:)),
            let fault = (object["fault"] as? String).flatMap(Fault.init(rawValue:))
        else { throw .malformed("an entry lacks a field or has one of the wrong type") }
        // A cache written before origins and aliases holds only the service's own codes, as `CatalogManifest.Entry` reads it.
        guard let origin = object["origin"].map({ ($0 as? String).flatMap(EntryOrigin.init(rawValue:)) }) ?? .service,
            let aliases = object["aliases"].map({ $0 as? [String] }) ?? []
        else { throw .malformed("an entry has an origin or aliases of the wrong type") }
        return CatalogManifest.Entry(CatalogEntry(
            key: EntryKey(code: ErrorCode(code), variant: (object["variant"] as? String).map { VariantName($0) }),
            httpStatus: httpStatus, serviceMessage: serviceMessage, category: ErrorCategory(category),
            retry: retry, fault: fault, parameters: parameters, retryPolicy: try retryPolicy(object["retryPolicy"]),
            origin: origin, aliases: aliases.map { ErrorCode($0) }
        ))
    }

    private static func tag(_ value: Any) throws(Failure) -> LanguageTag {
        guard let string = value as? String, let tag = LanguageTag(rawValue: string) else {
            throw .malformed("'\(value)' is not a well-formed BCP 47 language tag")
        }
        return tag
    }
}
