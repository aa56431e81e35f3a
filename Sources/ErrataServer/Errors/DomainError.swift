package import ErrataCore
package import ErrataStore

/// A failure Errata answers in both protocols: a stable reason, a detail in words (`description`),
/// and the members a program acts on. Each protocol adds only its own code or status, in one table
/// of its own: `JSONRPCErrorObject+Domain.swift` and `Problem+Domain.swift`.
package protocol DomainError: Error, CustomStringConvertible {
    /// The stable machine-readable reason, such as `UnknownCode`: `data.reason` over JSON-RPC,
    /// `reason` in a problem. Clients branch on it.
    var reason: String { get }
    /// Further members, such as `field` or `suggestions`: in `data` over JSON-RPC, extension members in a problem.
    var members: [String: JSONValue] { get }
    /// The error as one case of the closed set the protocol tables switch over, so that a new kind
    /// of error cannot compile without its code and its status.
    var failure: DomainFailure { get }
}

/// Every domain error there is, for the protocol tables.
package enum DomainFailure {
    case invalidInput(InvalidInput)
    case access(AccessError)
    case edit(EditError)
    case lookup(CatalogLookupError)
    case feed(FeedError)
    case response(StorageResponseError)
    case follower(FollowerRefusal)
}

// MARK: - Reasons and members of every domain error

extension InvalidInput: DomainError {
    package var failure: DomainFailure { .invalidInput(self) }
    package var reason: String { "InvalidParams" }
    package var members: [String: JSONValue] { field.map { ["field": .string($0)] } ?? [:] }
}

extension AccessError: DomainError {
    package var failure: DomainFailure { .access(self) }

    package var reason: String {
        switch self {
        case .unauthorized: "Unauthorized"
        case .forbidden: "Forbidden"
        case .throttled: "TooManyAuthFailures"
        }
    }

    package var members: [String: JSONValue] {
        guard case .throttled(let retryAfter) = self else { return [:] }
        return ["retryAfter": .integer(Int64(retryAfter))]
    }
}

extension EditError: DomainError {
    package var failure: DomainFailure { .edit(self) }

    package var reason: String {
        switch kind {
        case .unknownCode: "UnknownCode"
        case .unknownVariant: "UnknownVariant"
        case .unknownLocale: "UnknownLocale"
        case .missingText: "UnknownText"
        case .invalidText, .revisionUnavailable: "InvalidParams"
        case .conflict: "Conflict"
        case .emptyDraft: "DraftEmpty"
        case .draftPending: "DraftPending"
        case .localeExists: "LocaleExists"
        }
    }

    package var members: [String: JSONValue] {
        switch kind {
        case .unknownCode(let code): ["field": "code", "code": .string(code.rawValue)]
        case .unknownVariant(_, _, let available): ["field": "variant", "available": .array(available.map { .string($0.rawValue) })]
        case .unknownLocale: ["field": "locale"]
        case .missingText(let key): ["code": .string(key.entry.code.rawValue), "locale": .string(key.locale.rawValue), "field": .string(key.field.rawValue)]
        case .invalidText(let problems): ["field": "text", "problems": .array(problems.map { .string($0.description) })]
        case .revisionUnavailable: ["field": "toRevision"]
        case .conflict(let current): ["current": TextAnswer(current).json]
        case .emptyDraft, .draftPending, .localeExists: [:]
        }
    }
}

extension CatalogLookupError: DomainError {
    package var failure: DomainFailure { .lookup(self) }

    package var reason: String {
        switch self {
        case .unknownCode: "UnknownCode"
        case .unknownVariant: "UnknownVariant"
        case .unknownParameter, .parameterNotANumber: "InvalidParams"
        }
    }

    package var members: [String: JSONValue] {
        switch self {
        case .unknownCode(let code, let suggestions):
            ["code": .string(code.rawValue), "suggestions": .array(suggestions.map { .string($0.rawValue) })]
        case .unknownVariant(let code, let variant, let available):
            ["code": .string(code.rawValue), "variant": .string(variant.rawValue), "available": .array(available.map { .string($0.rawValue) })]
        case .unknownParameter(let name, _), .parameterNotANumber(let name, _, _):
            ["field": .string("params.\(name)")]
        }
    }
}

extension FeedError: DomainError {
    package var failure: DomainFailure { .feed(self) }

    package var reason: String {
        switch self {
        case .sinceOutOfRange: "InvalidParams"
        case .resyncRequired: "ResyncRequired"
        }
    }

    package var members: [String: JSONValue] {
        switch self {
        case .sinceOutOfRange: ["field": "since"]
        case .resyncRequired(_, let floor): ["historyStartsAfter": .integer(Int64(floor))]
        }
    }
}

extension StorageResponseError: DomainError {
    package var failure: DomainFailure { .response(self) }

    /// One reason for every way a storage response cannot be read; the status tells a body too large (413) apart.
    package var reason: String { "UnreadableResponse" }

    /// The storage response to read is always the `body` input (with `headers` when it has none).
    package var members: [String: JSONValue] { ["field": "body"] }
}
