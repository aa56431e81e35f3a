public import ErrataCore
public import Foundation

/// A storage service error explained by the Errata catalog, for Swift error handling.
///
/// Its `LocalizedError` texts come from the catalog in the requested locale: `errorDescription` is the
/// message, `recoverySuggestion` the remediation, `failureReason` the service's own message. A code the
/// catalog does not know keeps the service's message, so no text is ever empty. Create one with
/// ``ErrataClient/storageError(responseBody:locale:)`` and its siblings.
///
/// For example:
///
/// ```swift
/// var attempt = 1
/// while let error = client.storageError(responseBody: try await send(), locale: "zh-Hans") {
///     var generator = SystemRandomNumberGenerator()
///     guard let wait = error.delay(forAttempt: attempt, using: &generator) else { throw error }
///     try await Task.sleep(for: wait)
///     attempt += 1
/// }
/// ```
public struct StorageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What the storage service answered.
    public var response: StorageErrorResponse
    /// The catalog's explanation of the code (or of the code an alias names), with the variant matched
    /// from the service's message; `nil` for a code the catalog does not know.
    public var explanation: ErrorDescription?
    /// For a code the catalog does not know, its generic explanation chosen by the response's HTTP status
    /// class (`UnrecognizedError.missing` for a 404…), naming the code in `requestedCode`; `nil` for a known code.
    public var genericExplanation: ErrorDescription?
    /// For a code the catalog does not know, the closest known codes and aliases, closest first.
    public var suggestions: [ErrorCode]

    /// Explains `response` from `snapshot` in the negotiated locale.
    init(response: StorageErrorResponse, snapshot: CatalogSnapshot, negotiation: LocaleNegotiation) {
        self.response = response
        let sent = response.code.rawValue.isEmpty ? nil : response.code
        let explaining = snapshot.explainingEntry(code: sent, serviceMessage: response.message, httpStatus: response.httpStatus)
        // A parameter is never passed here, so `describe` cannot fail.
        let description = explaining.entry.flatMap { try? snapshot.describe($0, negotiation: negotiation, requestedCode: sent) }
        self.explanation = explaining.known ? description : nil
        self.genericExplanation = explaining.known ? nil : description
        self.suggestions = explaining.suggestions
    }

    /// The storage service's error code.
    public var code: ErrorCode { response.code }

    /// Whether retrying the same request can succeed, per the catalog's retry policy.
    public var isRetryable: Bool { retryPolicy != nil }

    /// How to retry the request, per the catalog; `nil` when retrying cannot help.
    ///
    /// For an unknown code, the generic explanation's policy: a 5xx, a 503 or a 429 is retried, others are not.
    public var retryPolicy: RetryPolicy? { (explanation ?? genericExplanation)?.retryPolicy }

    /// Whether the service asks for a lower request rate, so the caller should back off with jitter.
    public var isThrottling: Bool { (explanation ?? genericExplanation)?.retry == .throttling }

    // MARK: - Retrying

    /// The longest wait before retrying after attempt number `attempt` failed with this error, or
    /// `nil` when the request should not be retried (again).
    ///
    /// When the policy honors `Retry-After` and the response carried one, that wait is the answer;
    /// otherwise it is the backoff bound of `RetryPolicy.delay(forAttempt:)`, under which a caller draws
    /// a random wait (``delay(forAttempt:using:)`` does).
    /// - Parameter attempt: How many attempts were made, the failed one included: 1 after the first.
    public func delay(forAttempt attempt: Int) -> Duration? {
        guard let policy = retryPolicy, let bound = policy.delay(forAttempt: attempt) else { return nil }
        return honoredRetryAfter(policy) ?? bound
    }

    /// The wait before retrying after attempt number `attempt` failed: the response's `Retry-After` when
    /// honored, else a random wait up to the backoff bound ("full jitter"); `nil` when not to retry.
    ///
    /// - Parameters:
    ///   - attempt: How many attempts were made, the failed one included.
    ///   - generator: The source of randomness; a seeded one makes the waits reproducible in tests.
    public func delay(forAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration? {
        guard let policy = retryPolicy, let jittered = policy.delay(forAttempt: attempt, using: &generator) else { return nil }
        return honoredRetryAfter(policy) ?? jittered
    }

    private func honoredRetryAfter(_ policy: RetryPolicy) -> Duration? {
        policy.honorRetryAfter ? response.retryAfter : nil
    }

    /// The code and the explanation on one line, such as `NoSuchKey: The object you asked for does not exist…`.
    public var description: String { "\(code): \(message)" }

    /// The catalog message, else the service's message, else the generic message, else the code.
    private var message: String {
        explanation?.message ?? response.message ?? genericExplanation?.message ?? code.rawValue
    }

    /// The service's own message, else the catalog's copy of it.
    private var serviceMessage: String {
        response.message ?? explanation?.serviceMessage ?? code.rawValue
    }
}

extension StorageError: LocalizedError {
    /// The catalog's message in the requested locale.
    public var errorDescription: String? { message }

    /// The storage service's own message, with its code.
    public var failureReason: String? { "\(code): \(serviceMessage)" }

    /// The catalog's remediation, the generic one for an unknown code.
    public var recoverySuggestion: String? { (explanation ?? genericExplanation)?.remediation }

    /// The catalog key of the entry, such as `BucketNotEmpty.acl`, to anchor help pages on.
    public var helpAnchor: String? {
        explanation.map { EntryKey(code: $0.code, variant: $0.variant).description } ?? code.rawValue
    }
}

extension StorageError: CustomNSError {
    /// The domain of bridged `NSError`s.
    public static var errorDomain: String { "ErrataClient.StorageError" }

    /// The HTTP status the service answers with, per the catalog; 0 for an unknown code.
    public var errorCode: Int { explanation?.httpStatus ?? 0 }

    /// The localized texts under their standard keys, plus the code and request ID.
    public var errorUserInfo: [String: Any] {
        var info: [String: Any] = [
            NSLocalizedDescriptionKey: message,
            NSLocalizedFailureReasonErrorKey: serviceMessage,
            NSHelpAnchorErrorKey: helpAnchor ?? code.rawValue,
            "ErrataCode": code.rawValue,
        ]
        info[NSLocalizedRecoverySuggestionErrorKey] = recoverySuggestion
        info["ErrataRequestID"] = response.requestID
        return info
    }
}

extension ErrataClient {
    /// Explains a storage error response.
    ///
    /// - Parameters:
    ///   - response: What the storage service answered.
    ///   - locale: A BCP 47 tag; `nil` for the source locale.
    /// - Returns: The error, explained from the current snapshot.
    public func storageError(_ response: StorageErrorResponse, locale: String? = nil) -> StorageError {
        let (snapshot, negotiation) = negotiated(locale)
        return StorageError(response: response, snapshot: snapshot, negotiation: negotiation)
    }

    /// Explains an error code, choosing the variant whose service message matches `message`.
    ///
    /// - Parameters:
    ///   - code: The storage service's error code.
    ///   - message: The service's own message, which picks the variant of a code with several meanings.
    ///   - requestID: The request ID, kept for support.
    ///   - locale: A BCP 47 tag; `nil` for the source locale.
    /// - Returns: The error, explained from the current snapshot.
    public func storageError(code: ErrorCode, message: String? = nil, requestID: String? = nil, locale: String? = nil) -> StorageError {
        storageError(StorageErrorResponse(code: code, message: message, requestID: requestID), locale: locale)
    }

    /// Explains a raw error response body, XML or JSON (the forms ``StorageErrorResponse/init(body:)`` reads).
    ///
    /// - Parameters:
    ///   - responseBody: The body of the storage service's error response.
    ///   - locale: A BCP 47 tag; `nil` for the source locale.
    /// - Returns: The error, or `nil` when the body is not a storage error response.
    public func storageError(responseBody: Data, locale: String? = nil) -> StorageError? {
        StorageErrorResponse(body: responseBody).map { storageError($0, locale: locale) }
    }

    /// Explains a raw storage response: its body when it has one, else its headers (a `HEAD`), read
    /// offline by ErrataCore's `StorageResponse`.
    ///
    /// - Parameters:
    ///   - responseBody: The body of the storage service's response; `nil` or empty for none.
    ///   - headers: The response headers, names compared ignoring case (`x-amz-error-code`, `x-amz-request-id`…).
    ///   - httpStatus: The response's status.
    ///   - locale: A BCP 47 tag; `nil` for the source locale.
    /// - Returns: The error, explained from the current snapshot; its explanation is `nil` when the
    ///   response names no code or one the catalog does not know.
    /// - Throws: `StorageResponseError` naming what cannot be read.
    public func storageError(
        responseBody: Data?, headers: [String: String], httpStatus: Int? = nil, locale: String? = nil
    ) throws(StorageResponseError) -> StorageError {
        storageError(try StorageErrorResponse(body: responseBody, headers: headers, httpStatus: httpStatus), locale: locale)
    }

    /// Explains the storage error a JSON-RPC error object carries (see ``StorageErrorResponse/init(rpcError:)``).
    ///
    /// - Parameters:
    ///   - rpcError: The JSON-RPC error object.
    ///   - locale: A BCP 47 tag; `nil` for the source locale.
    /// - Returns: The error, explained from the current snapshot.
    public func storageError(rpcError: JSONRPCErrorObject, locale: String? = nil) -> StorageError {
        storageError(StorageErrorResponse(rpcError: rpcError), locale: locale)
    }
}
