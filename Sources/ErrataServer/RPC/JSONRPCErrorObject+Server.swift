import ErrataCore
import ErrataStore

extension JSONRPCErrorObject {
    /// The error answering a refused authorization.
    init(_ error: AccessError) {
        switch error {
        case .unauthorized(let presented):
            self.init(
                code: ErrataRPCErrorCode.unauthorized, message: "Unauthorized",
                data: ["reason": "Unauthorized", "detail": .string(presented ? "the bearer token is not valid" : "this method needs Authorization: Bearer <token>")]
            )
        case .forbidden(let needed, let has):
            self.init(
                code: ErrataRPCErrorCode.forbidden, message: "Forbidden",
                data: ["reason": "Forbidden", "detail": .string("this method needs scope '\(needed)'; the token has '\(has)'")]
            )
        case .throttled(let retryAfter):
            self.init(
                code: ErrataRPCErrorCode.throttled, message: "Too many failed authentications",
                data: ["reason": "TooManyAuthFailures", "retryAfter": .integer(Int64(retryAfter))]
            )
        }
    }

    /// The error answering a refused edit.
    init(_ error: EditError) {
        let detail = JSONValue.string(error.description)
        switch error.kind {
        case .unknownCode:
            self = .invalidParams(error.description, field: "code")
        case .unknownVariant:
            self = .invalidParams(error.description, field: "variant")
        case .unknownLocale:
            self = .invalidParams(error.description, field: "locale")
        case .invalidText(let problems):
            var object = JSONRPCErrorObject.invalidParams(error.description, field: "text")
            if case .object(var data) = object.data {
                data["problems"] = .array(problems.map { .string($0.description) })
                object.data = .object(data)
            }
            self = object
        case .revisionUnavailable:
            self = .invalidParams(error.description, field: "toRevision")
        case .conflict(let current):
            self.init(
                code: ErrataRPCErrorCode.conflict, message: "Conflict",
                data: ["reason": "Conflict", "detail": detail, "current": JSONValue(current)]
            )
        case .emptyDraft:
            self.init(code: ErrataRPCErrorCode.conflict, message: "Conflict", data: ["reason": "DraftEmpty", "detail": detail])
        case .draftPending:
            self.init(code: ErrataRPCErrorCode.conflict, message: "Conflict", data: ["reason": "DraftPending", "detail": detail])
        case .localeExists:
            self.init(code: ErrataRPCErrorCode.conflict, message: "Conflict", data: ["reason": "LocaleExists", "detail": detail])
        }
    }

    /// The error answering a delta-feed request it cannot serve.
    init(_ error: FeedError) {
        switch error {
        case .sinceOutOfRange:
            self = .invalidParams(error.description, field: "since")
        case .resyncRequired(_, let floor):
            self.init(
                code: ErrataRPCErrorCode.resyncRequired, message: "Resync required",
                data: ["reason": "ResyncRequired", "detail": .string(error.description), "historyStartsAfter": .integer(Int64(floor))]
            )
        }
    }
}

extension JSONValue {
    /// A text version as JSON: `{text, revision, state, pending}`.
    init(_ version: TextVersion) {
        self = [
            "text": .string(version.text), "revision": .integer(Int64(version.revision)),
            "state": .string(version.state.rawValue), "pending": .bool(version.pending),
        ]
    }
}
