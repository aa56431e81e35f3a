package import ErrataCore
import ErrataStore

/// Errata's application error codes, in the range JSON-RPC reserves for servers (-32000…-32099).
///
/// Each error also carries a stable `data.reason` string; clients should branch on that.
package enum ErrataRPCErrorCode {
    /// No token, or a token that is not known (`Unauthorized`).
    package static let unauthorized = -32001
    /// The token's scope does not allow the method (`Forbidden`).
    package static let forbidden = -32003
    /// The code, variant, locale or text asked for is not in the catalog (`UnknownCode`, `UnknownVariant`,
    /// `UnknownLocale`, `UnknownText`).
    package static let notFound = -32004
    /// The text changed since the editor read it, or the draft or catalog is not in the needed state
    /// (`Conflict`, `DraftEmpty`, `DraftPending`, `LocaleExists`).
    package static let conflict = -32009
    /// The delta feed no longer has the changes asked for: fetch the whole catalog (`ResyncRequired`).
    package static let resyncRequired = -32010
    /// An admin call to a follower, which serves reads only: the primary in `data.primary` takes it (`ReadOnlyFollower`).
    package static let readOnlyFollower = -32021
    /// Too many failed authentications from this address (`TooManyAuthFailures`).
    package static let throttled = -32029
}

extension JSONRPCErrorObject {
    /// The error a call that failed with `error` answers: `data` holds the reason, the detail and the
    /// error's members; the code and message come from the table below.
    package init(_ error: some DomainError) {
        let (code, message) = Self.codeAndMessage(error)
        var data = error.members
        data["reason"] = .string(error.reason)
        data["detail"] = .string(error.description)
        self.init(code: code, message: message, data: .object(JSONObject(data)))
    }

    // MARK: - The table: the JSON-RPC code and message of every domain error

    private static func codeAndMessage(_ error: any DomainError) -> (Int, String) {
        switch error.failure {
        case .invalidInput:
            invalidParams
        case .access(let error):
            switch error {
            case .unauthorized: (ErrataRPCErrorCode.unauthorized, "Unauthorized")
            case .forbidden: (ErrataRPCErrorCode.forbidden, "Forbidden")
            case .throttled: (ErrataRPCErrorCode.throttled, "Too many failed authentications")
            }
        case .edit(let error):
            switch error.kind {
            case .unknownCode: (ErrataRPCErrorCode.notFound, "Unknown error code")
            case .unknownVariant: (ErrataRPCErrorCode.notFound, "Unknown variant")
            case .unknownLocale: (ErrataRPCErrorCode.notFound, "Unknown locale")
            case .missingText: (ErrataRPCErrorCode.notFound, "No such text")
            case .invalidText, .revisionUnavailable: invalidParams
            case .conflict, .emptyDraft, .draftPending, .localeExists: (ErrataRPCErrorCode.conflict, "Conflict")
            }
        case .lookup(let error):
            switch error {
            case .unknownCode: (ErrataRPCErrorCode.notFound, "Unknown error code")
            case .unknownVariant: (ErrataRPCErrorCode.notFound, "Unknown variant")
            case .unknownParameter, .parameterNotANumber: invalidParams
            }
        case .feed(let error):
            switch error {
            case .sinceOutOfRange: invalidParams
            case .resyncRequired: (ErrataRPCErrorCode.resyncRequired, "Resync required")
            }
        case .response:
            // The storage response to explain is a param, so what cannot be read in it is an invalid param.
            invalidParams
        case .follower:
            (ErrataRPCErrorCode.readOnlyFollower, "Read-only follower")
        }
    }

    private static let invalidParams = (-32602, "Invalid params")
}
