/// The language-independent facts about one error: status, classification and the service's own message.
public struct CatalogEntry: Hashable, Sendable {
    public var key: EntryKey
    /// The HTTP status the storage service answers with; kept as data even when non-standard (567).
    public var httpStatus: Int
    /// The storage service's own English message, verbatim.
    public var serviceMessage: String
    public var category: ErrorCategory
    public var retry: RetryClass
    public var fault: Fault
    /// Default values of the `{placeholders}` the entry's texts use.
    public var parameters: [String: String]
    /// What each placeholder means and its unit, for translators, by placeholder name; a subset of ``parameters``' names.
    public var parameterNotes: [String: String]
    /// The translator comment of each field's text (the same in every locale); a field may have none.
    public var comments: [TextField: String]
    /// The entry's own retry policy, overriding the catalog's for its retry class; `nil` for none.
    public var retryPolicy: RetryPolicy?
    /// Where the code comes from: the service's own list, S3's documentation, or Errata's generic answers.
    public var origin: EntryOrigin
    /// Other spellings of the code that name this entry, such as `NoSuchBucketPolicy` for `NotSuchBucketPolicy`.
    ///
    /// Every variant of a code lists the same aliases (``CatalogValidator`` checks it).
    public var aliases: [ErrorCode]

    public init(
        key: EntryKey,
        httpStatus: Int,
        serviceMessage: String,
        category: ErrorCategory,
        retry: RetryClass,
        fault: Fault,
        parameters: [String: String] = [:],
        parameterNotes: [String: String] = [:],
        comments: [TextField: String] = [:],
        retryPolicy: RetryPolicy? = nil,
        origin: EntryOrigin = .service,
        aliases: [ErrorCode] = []
    ) {
        self.key = key
        self.httpStatus = httpStatus
        self.serviceMessage = serviceMessage
        self.category = category
        self.retry = retry
        self.fault = fault
        self.parameters = parameters
        self.parameterNotes = parameterNotes
        self.comments = comments
        self.retryPolicy = retryPolicy
        self.origin = origin
        self.aliases = aliases
    }

    public var code: ErrorCode { key.code }
    public var variant: VariantName? { key.variant }

    /// The entry without its notes for translators: what clients need to describe an error.
    public var withoutNotes: CatalogEntry {
        var entry = self
        entry.parameterNotes = [:]
        entry.comments = [:]
        return entry
    }
}
