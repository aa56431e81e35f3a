import ErrataCore
import Foundation

/// Reads `catalog.json` without `Codable` or `JSONSerialization`.
///
/// The cache file is what a CLI run reads first. `JSONDecoder` spent most of its time there in the
/// Swift runtime's first-use protocol-conformance lookups (one scan of every conformance record in
/// the binary per decoded type), and `JSONSerialization` in boxing every value as `Any` and casting it
/// back (a sixth of an `errata explain`). This reader walks ErrataCore's `JSONValue` tree from the
/// strict parser the server reads JSON-RPC with: typed values, no casts. It reads exactly what
/// `CachedCatalog`'s `Codable` form writes, which stays the definition of the format: the cache is
/// written with it, and the tests read back files written with it.
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
        guard case .success(let parsed) = StrictJSONParser.parse(data, maximumDepth: maximumDepth) else { throw .notJSON }
        guard case .object(let root) = parsed, case .integer(let version)? = root["formatVersion"] else { throw .foreign }
        guard version == CachedCatalog.currentFormatVersion else { throw .version(Int(clamping: version)) }
        guard let savedAt = date(root["savedAt"]) else {
            throw .malformed("savedAt is not an ISO 8601 date")
        }
        var locales: [LanguageTag]?
        if case .array(let kept)? = root["locales"] {
            locales = try kept.map { (tag) throws(Failure) in try Self.tag(tag) }
        }
        return CachedCatalog(
            savedAt: savedAt, serverURL: root["serverURL"]?.string, locales: locales, document: try Self.document(root["document"])
        )
    }

    /// The date in a freshness file (`{"lastCheckedAt": "…"}`), if it has one.
    static func lastCheckedAt(_ data: Data) -> Date? {
        guard case .success(.object(let root)) = StrictJSONParser.parse(data, maximumDepth: maximumDepth) else { return nil }
        return date(root["lastCheckedAt"])
    }

    /// A date as `JSONEncoder`'s `.iso8601` strategy writes it, or `nil`.
    static func date(_ value: JSONValue?) -> Date? {
        value?.string.flatMap { try? Date($0, strategy: .iso8601) }
    }

    /// Deeper than any cache file nests (texts by key, then by locale, inside the document).
    static let maximumDepth = 16

    // MARK: - The catalog document

    /// Decodes a catalog document on its own, as `CatalogDocument`'s `Codable` form writes it (the bundled catalog).
    ///
    /// - Throws: ``Failure``, saying why the bytes are not a catalog document.
    static func document(_ data: Data) throws(Failure) -> CatalogDocument {
        guard case .success(let parsed) = StrictJSONParser.parse(data, maximumDepth: maximumDepth) else { throw .notJSON }
        return try document(parsed)
    }

    private static func document(_ value: JSONValue?) throws(Failure) -> CatalogDocument {
        guard case .object(let object)? = value else { throw .malformed("document is not an object") }
        guard case .integer(let formatVersion)? = object["formatVersion"], case .integer(let revision)? = object["revision"] else {
            throw .malformed("document has no formatVersion or revision")
        }
        guard case .array(let locales)? = object["locales"], case .array(let entries)? = object["entries"],
            case .object(let texts)? = object["texts"], case .array(let needsReview)? = object["needsReview"]
        else { throw .malformed("document lacks locales, entries, texts or needsReview") }
        // CatalogDocument has no memberwise initializer outside ErrataCore: start from an empty catalog's.
        let empty = Catalog(sourceLocale: try tag(object["sourceLanguage"]), locales: [], entries: [], texts: [:])
        var document = CatalogDocument(catalog: empty, revision: Int(clamping: revision))
        document.formatVersion = Int(clamping: formatVersion)
        document.locales = try locales.map(Self.localeInfo)
        document.entries = try entries.map(Self.entry)
        var textsByKey: [String: [String: String]] = [:]
        textsByKey.reserveCapacity(texts.count)
        for (key, byLocale) in texts {
            guard case .object(let byLocale) = byLocale, let strings = stringMap(byLocale) else { throw .malformed("texts are not strings by locale") }
            textsByKey[key] = strings
        }
        document.texts = textsByKey
        document.needsReview = try needsReview.map { (key) throws(Failure) in
            guard let key = key.string else { throw .malformed("needsReview holds a value that is not a string") }
            return key
        }
        // Absent from cache files written before retry policies were catalog data.
        if let policies = object["retryPolicies"] {
            guard case .object(let policies) = policies else { throw .malformed("retryPolicies is not an object") }
            document.retryPolicies = RetryPolicies(
                retryable: try retryPolicy(policies["retryable"]), throttling: try retryPolicy(policies["throttling"])
            )
        }
        return document
    }

    /// A retry policy object, or `nil` for none.
    private static func retryPolicy(_ value: JSONValue?) throws(Failure) -> RetryPolicy? {
        guard let value else { return nil }
        guard case .object(let object) = value, let baseDelayMs = object["baseDelayMs"]?.int,
            let maxDelayMs = object["maxDelayMs"]?.int, let maxAttempts = object["maxAttempts"]?.int,
            case .bool(let honorRetryAfter)? = object["honorRetryAfter"]
        else { throw .malformed("a retry policy lacks a number or has one of the wrong type") }
        return RetryPolicy(baseDelayMs: baseDelayMs, maxDelayMs: maxDelayMs, maxAttempts: maxAttempts, honorRetryAfter: honorRetryAfter)
    }

    private static func entry(_ value: JSONValue) throws(Failure) -> CatalogManifest.Entry {
        guard case .object(let object) = value, let code = object["code"]?.string,
            let httpStatus = object["httpStatus"]?.int, let serviceMessage = object["serviceMessage"]?.string,
            let category = object["category"]?.string, case .object(let parameters)? = object["parameters"],
            let parameterValues = stringMap(parameters),
            let retry = object["retry"]?.string.flatMap(RetryClass.init(rawValue:)),
            let fault = object["fault"]?.string.flatMap(Fault.init(rawValue:))
        else { throw .malformed("an entry lacks a field or has one of the wrong type") }
        // A cache written before origins and aliases holds only the service's own codes, as `CatalogManifest.Entry` reads it.
        guard let origin = object["origin"].map({ $0.string.flatMap(EntryOrigin.init(rawValue:)) }) ?? .service,
            let aliases = object["aliases"].map({ Self.stringArray($0) }) ?? []
        else { throw .malformed("an entry has an origin or aliases of the wrong type") }
        return CatalogManifest.Entry(CatalogEntry(
            key: EntryKey(code: ErrorCode(code), variant: object["variant"]?.string.map { VariantName($0) }),
            httpStatus: httpStatus, serviceMessage: serviceMessage, category: ErrorCategory(category),
            retry: retry, fault: fault, parameters: parameterValues, retryPolicy: try retryPolicy(object["retryPolicy"]),
            origin: origin, aliases: aliases.map { ErrorCode($0) }
        ))
    }

    static func tag(_ value: JSONValue?) throws(Failure) -> LanguageTag {
        guard let string = value?.string, let tag = LanguageTag(rawValue: string) else {
            let shown = value?.string.map { "'\($0)'" } ?? "a \(value?.typeName ?? "missing value")"
            throw .malformed("\(shown) is not a well-formed BCP 47 language tag")
        }
        return tag
    }

    /// A catalog locale: its tag and its own name.
    static func localeInfo(_ value: JSONValue) throws(Failure) -> LocaleInfo {
        guard case .object(let locale) = value, let name = locale["name"]?.string else { throw .malformed("a locale has no name") }
        return LocaleInfo(tag: try tag(locale["tag"]), name: name)
    }

    /// An object's members when every one is a string.
    private static func stringMap(_ object: JSONObject) -> [String: String]? {
        var strings: [String: String] = [:]
        strings.reserveCapacity(object.count)
        for (key, value) in object {
            guard case .string(let string) = value else { return nil }
            strings[key] = string
        }
        return strings
    }

    /// An array's elements when every one is a string.
    private static func stringArray(_ value: JSONValue) -> [String]? {
        guard case .array(let elements) = value else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for element in elements {
            guard case .string(let string) = element else { return nil }
            strings.append(string)
        }
        return strings
    }
}

extension JSONValue {
    /// The string this value is, if it is one.
    var string: String? {
        if case .string(let string) = self { string } else { nil }
    }

    /// The integer this value is, if it is one that fits in `Int`.
    var int: Int? {
        if case .integer(let integer) = self { Int(exactly: integer) } else { nil }
    }
}
