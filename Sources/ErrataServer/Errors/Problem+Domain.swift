import ErrataCore
import ErrataStore
import Hummingbird

extension Problem {
    /// The problem a request that failed with `error` answers: the reason, the detail and the
    /// error's members as extension members; the status, title and headers come from the table below.
    package init(_ error: some DomainError) {
        let (status, title) = Self.statusAndTitle(error)
        var headers: HTTPFields = [:]
        switch error.failure {
        case .access(.unauthorized(let tokenPresented)):
            headers[.wwwAuthenticate] = tokenPresented ? #"Bearer realm="errata", error="invalid_token""# : #"Bearer realm="errata""#
        case .access(.throttled(let retryAfter)):
            headers[.retryAfter] = String(retryAfter)
        default:
            break
        }
        self.init(
            status: status, kind: Self.kind(of: error.reason), title: title, detail: error.description, reason: error.reason,
            extensions: error.members, headers: headers
        )
    }

    // MARK: - The table: the HTTP status and title of every domain error

    /// Why 404 and not 422: a path that names a code, variant or locale the catalog lacks names no
    /// resource (404); a body or value that is well-formed but unacceptable is 422; a malformed query
    /// parameter of a read is 400 (reads take no body).
    private static func statusAndTitle(_ error: any DomainError) -> (HTTPResponse.Status, String) {
        switch error.failure {
        case .invalidInput:
            (.unprocessableContent, "Invalid params")
        case .access(let error):
            switch error {
            case .unauthorized: (.unauthorized, "Unauthorized")
            case .forbidden: (.forbidden, "Forbidden")
            case .throttled: (.tooManyRequests, "Too many failed authentications")
            }
        case .edit(let error):
            switch error.kind {
            case .unknownCode: (.notFound, "Unknown error code")
            case .unknownVariant: (.notFound, "Unknown variant")
            case .unknownLocale: (.notFound, "Unknown locale")
            case .missingText: (.notFound, "No such text")
            case .invalidText, .revisionUnavailable: (.unprocessableContent, "Invalid params")
            // The REST edit is conditional on If-Match, so a stale version is a failed precondition.
            case .conflict: (.preconditionFailed, "Conflict")
            case .emptyDraft, .draftPending, .localeExists: (.conflict, "Conflict")
            }
        case .lookup(let error):
            switch error {
            case .unknownCode: (.notFound, "Unknown error code")
            case .unknownVariant: (.notFound, "Unknown variant")
            case .unknownParameter, .parameterNotANumber: (.badRequest, "Invalid params")
            }
        case .feed(let error):
            switch error {
            case .sinceOutOfRange: (.badRequest, "Invalid params")
            case .resyncRequired: (.gone, "Resync required")
            }
        case .response(let error):
            switch error {
            case .tooLarge: (.contentTooLarge, "Unreadable response")
            default: (.unprocessableContent, "Unreadable response")
            }
        // The request reached a server that cannot answer it; the problem's `primary` names the one that can.
        case .follower:
            (.misdirectedRequest, "Read-only follower")
        }
    }

    /// `UnknownCode` → `unknown-code`.
    private static func kind(of reason: String) -> String {
        var kind = ""
        for character in reason {
            if character.isUppercase, !kind.isEmpty { kind.append("-") }
            kind.append(character.lowercased())
        }
        return kind
    }
}
