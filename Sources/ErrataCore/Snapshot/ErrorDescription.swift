/// Everything a reader needs about one error in one locale: the answer to `errors.describe`.
public struct ErrorDescription: Codable, Hashable, Sendable {
    /// The code of the entry that answered.
    public var code: ErrorCode
    /// The spelling the caller asked for, when it differs from ``code``: an alias of the entry's code
    /// (`NoSuchBucketPolicy` answered by `NotSuchBucketPolicy`), or a code the catalog does not know
    /// answered by a generic entry.
    public var requestedCode: ErrorCode?
    public var variant: VariantName?
    public var httpStatus: Int
    public var category: ErrorCategory
    public var retry: RetryClass
    public var fault: Fault
    /// Where the entry's code comes from: the service's own list, S3's documentation, or a generic answer.
    public var origin: EntryOrigin
    /// The storage service's own English message, verbatim.
    public var serviceMessage: String
    /// The locale served.
    public var locale: LanguageTag
    /// Whether the locale served differs from what was asked, or a text fell back to another locale.
    public var fallback: Bool
    public var message: String
    public var remediation: String
    /// What a developer calling the storage API should check or change in code; `nil` when the entry has no hint.
    public var developerHint: String?
    /// How to retry the failed request; `nil` for an error that retrying cannot fix (``RetryClass/never``).
    public var retryPolicy: RetryPolicy?
    /// The published catalog revision this description comes from.
    public var revision: Int
    /// The address of the error's page on the server (`/docs/errors/NoSuchKey?locale=zh-Hant`, absolute
    /// when the server knows its public URL); `nil` in descriptions made without a server.
    public var docsUrl: String?

    public init(
        code: ErrorCode, variant: VariantName?, httpStatus: Int, category: ErrorCategory, retry: RetryClass,
        fault: Fault, origin: EntryOrigin = .service, requestedCode: ErrorCode? = nil, serviceMessage: String, locale: LanguageTag, fallback: Bool, message: String,
        remediation: String, developerHint: String? = nil, retryPolicy: RetryPolicy? = nil, revision: Int, docsUrl: String? = nil
    ) {
        self.code = code
        self.variant = variant
        self.httpStatus = httpStatus
        self.category = category
        self.retry = retry
        self.fault = fault
        self.origin = origin
        self.requestedCode = requestedCode
        self.serviceMessage = serviceMessage
        self.locale = locale
        self.fallback = fallback
        self.message = message
        self.remediation = remediation
        self.developerHint = developerHint
        self.retryPolicy = retryPolicy
        self.revision = revision
        self.docsUrl = docsUrl
    }

    private enum CodingKeys: String, CodingKey {
        case code, requestedCode, variant, httpStatus, category, retry, fault, origin, serviceMessage, locale, fallback
        case message, remediation, developerHint, retryPolicy, revision, docsUrl
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(ErrorCode.self, forKey: .code)
        requestedCode = try container.decodeIfPresent(ErrorCode.self, forKey: .requestedCode)
        variant = try container.decodeIfPresent(VariantName.self, forKey: .variant)
        httpStatus = try container.decode(Int.self, forKey: .httpStatus)
        category = try container.decode(ErrorCategory.self, forKey: .category)
        retry = try container.decode(RetryClass.self, forKey: .retry)
        fault = try container.decode(Fault.self, forKey: .fault)
        // A server older than origins describes only the service's own codes.
        origin = try container.decodeIfPresent(EntryOrigin.self, forKey: .origin) ?? .service
        serviceMessage = try container.decode(String.self, forKey: .serviceMessage)
        locale = try container.decode(LanguageTag.self, forKey: .locale)
        fallback = try container.decode(Bool.self, forKey: .fallback)
        message = try container.decode(String.self, forKey: .message)
        remediation = try container.decode(String.self, forKey: .remediation)
        developerHint = try container.decodeIfPresent(String.self, forKey: .developerHint)
        retryPolicy = try container.decodeIfPresent(RetryPolicy.self, forKey: .retryPolicy)
        revision = try container.decode(Int.self, forKey: .revision)
        docsUrl = try container.decodeIfPresent(String.self, forKey: .docsUrl)
    }

    // Written explicitly so that `"variant": null` is always present, as the API documents, while
    // `developerHint`, `retryPolicy` and `requestedCode` appear only when the error has them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encodeIfPresent(docsUrl, forKey: .docsUrl)
        try container.encode(variant, forKey: .variant)
        try container.encode(httpStatus, forKey: .httpStatus)
        try container.encode(category, forKey: .category)
        try container.encode(retry, forKey: .retry)
        try container.encode(fault, forKey: .fault)
        try container.encode(origin, forKey: .origin)
        try container.encodeIfPresent(requestedCode, forKey: .requestedCode)
        try container.encode(serviceMessage, forKey: .serviceMessage)
        try container.encode(locale, forKey: .locale)
        try container.encode(fallback, forKey: .fallback)
        try container.encode(message, forKey: .message)
        try container.encode(remediation, forKey: .remediation)
        try container.encodeIfPresent(developerHint, forKey: .developerHint)
        try container.encodeIfPresent(retryPolicy, forKey: .retryPolicy)
        try container.encode(revision, forKey: .revision)
    }
}
