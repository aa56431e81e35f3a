/// The contents of `Localizations/catalog.json`: locales and the language-independent entry data.
///
/// For example:
///
/// ```json
/// {"formatVersion": 1, "sourceLanguage": "en",
///  "locales": [{"tag": "en", "name": "English"}],
///  "entries": [{"code": "NoSuchKey", "variant": null, "httpStatus": 404,
///               "serviceMessage": "The specified key does not exist.", "category": "object",
///               "retry": "never", "fault": "client", "parameters": {}}]}
/// ```
///
/// A placeholder's value in `parameters` is its default, or an object with its default and a note for
/// translators (see ``Parameter``). Translator comments of the texts are in `Errors.xcstrings`.
/// Optional members: `retryPolicies` (the catalog's ``RetryPolicies``) and an entry's `retryPolicy`
/// (its own ``RetryPolicy``); a file without them gets the standard policies. An entry's `origin`
/// (``EntryOrigin``) is `service` when absent, and its `aliases` (other spellings of its code) none.
public struct CatalogManifest: Codable, Hashable, Sendable {
    /// The only format version this build reads and writes.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    /// The published revision the files were exported from; `nil` for hand-written files.
    public var revision: Int?
    public var sourceLanguage: LanguageTag
    public var locales: [LocaleInfo]
    public var entries: [Entry]
    /// The catalog's retry policy per retry class; `nil` when it sets none.
    public var retryPolicies: RetryPolicies?

    /// One entry as written in the file.
    public struct Entry: Codable, Hashable, Sendable {
        public var code: ErrorCode
        public var variant: VariantName?
        public var httpStatus: Int
        public var serviceMessage: String
        public var category: ErrorCategory
        public var retry: RetryClass
        public var fault: Fault
        public var parameters: [String: Parameter]
        /// The entry's own retry policy; `nil` for the catalog's.
        public var retryPolicy: RetryPolicy?
        public var origin: EntryOrigin
        /// Other spellings of the code; written only when there are some.
        public var aliases: [ErrorCode]

        /// The entry as written in the file, its placeholder notes included (its comments are not: they
        /// belong to `Errors.xcstrings`).
        public init(_ entry: CatalogEntry) {
            self.code = entry.code
            self.variant = entry.variant
            self.httpStatus = entry.httpStatus
            self.serviceMessage = entry.serviceMessage
            self.category = entry.category
            self.retry = entry.retry
            self.fault = entry.fault
            self.parameters = Dictionary(uniqueKeysWithValues: entry.parameters.map { name, defaultValue in
                (name, Parameter(defaultValue: defaultValue, note: entry.parameterNotes[name]))
            })
            self.retryPolicy = entry.retryPolicy
            self.origin = entry.origin
            self.aliases = entry.aliases
        }

        private enum CodingKeys: String, CodingKey {
            case code, variant, httpStatus, serviceMessage, category, retry, fault, parameters, retryPolicy, origin, aliases
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            code = try container.decode(ErrorCode.self, forKey: .code)
            variant = try container.decodeIfPresent(VariantName.self, forKey: .variant)
            httpStatus = try container.decode(Int.self, forKey: .httpStatus)
            serviceMessage = try container.decode(String.self, forKey: .serviceMessage)
            category = try container.decode(ErrorCategory.self, forKey: .category)
            retry = try container.decode(RetryClass.self, forKey: .retry)
            fault = try container.decode(Fault.self, forKey: .fault)
            parameters = try container.decode([String: Parameter].self, forKey: .parameters)
            retryPolicy = try container.decodeIfPresent(RetryPolicy.self, forKey: .retryPolicy)
            // Files and snapshots written before origins and aliases existed hold only the service's codes.
            origin = try container.decodeIfPresent(EntryOrigin.self, forKey: .origin) ?? .service
            aliases = try container.decodeIfPresent([ErrorCode].self, forKey: .aliases) ?? []
        }

        public var catalogEntry: CatalogEntry {
            CatalogEntry(
                key: EntryKey(code: code, variant: variant),
                httpStatus: httpStatus,
                serviceMessage: serviceMessage,
                category: category,
                retry: retry,
                fault: fault,
                parameters: parameters.mapValues(\.defaultValue),
                parameterNotes: parameters.compactMapValues(\.note),
                retryPolicy: retryPolicy,
                origin: origin,
                aliases: aliases
            )
        }

        // Written explicitly so that `"variant": null` appears in the file, as the format documents.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(variant, forKey: .variant)
            try container.encode(httpStatus, forKey: .httpStatus)
            try container.encode(serviceMessage, forKey: .serviceMessage)
            try container.encode(category, forKey: .category)
            try container.encode(retry, forKey: .retry)
            try container.encode(fault, forKey: .fault)
            try container.encode(parameters, forKey: .parameters)
            try container.encodeIfPresent(retryPolicy, forKey: .retryPolicy)
            try container.encode(origin, forKey: .origin)
            if !aliases.isEmpty { try container.encode(aliases, forKey: .aliases) }
        }
    }

    public init(catalog: Catalog, revision: Int? = nil) {
        self.formatVersion = Self.currentFormatVersion
        self.revision = revision
        self.sourceLanguage = catalog.sourceLocale
        self.locales = catalog.locales
        self.entries = catalog.entries.map(Entry.init)
        self.retryPolicies = catalog.retryPolicies.isEmpty ? nil : catalog.retryPolicies
    }
}
