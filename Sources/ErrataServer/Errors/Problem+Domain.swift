import ErrataCore
import ErrataStore
import Hummingbird

extension Problem {
    /// The problem a request that failed with `error` answers: the reason, the detail and the
    /// error's members as extension members; the status, title and headers come from the table below.
    package init(_ error: some DomainError) {
        let (status, title) = Self.statusAndTitle(error)
        var headers: HTTPFields = [:]
        switch error as? AccessError {
        case .unauthorized(let tokenPresented):
            headers[.wwwAuthenticate] = tokenPresented ? #"Bearer realm="errata", error="invalid_token""# : #"Bearer realm="errata""#
        case .throttled(let retryAfter):
            headers[.retryAfter] = String(retryAfter)
        case .forbidden, nil:
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
        switch error {
        case let error as AccessError:
            switch error {
            case .unauthorized: (.unauthorized, "Unauthorized")
            case .forbidden: (.forbidden, "Forbidden")
            case .throttled: (.tooManyRequests, "Too many failed authentications")
            }
        case let error as EditError:
            switch error.kind {
            case .unknownCode: (.notFound, "Unknown error code")
            case .unknownVariant: (.notFound, "Unknown variant")
            case .unknownLocale: (.notFound, "Unknown locale")
            case .invalidText, .revisionUnavailable: (.unprocessableContent, "Invalid params")
            // The REST edit is conditional on If-Match, so a stale version is a failed precondition.
            case .conflict: (.preconditionFailed, "Conflict")
            case .emptyDraft, .draftPending, .localeExists: (.conflict, "Conflict")
            }
        case let error as CatalogLookupError:
            switch error {
            case .unknownCode: (.notFound, "Unknown error code")
            case .unknownVariant: (.notFound, "Unknown variant")
            case .unknownParameter: (.badRequest, "Invalid params")
            }
        case let error as FeedError:
            switch error {
            case .sinceOutOfRange: (.badRequest, "Invalid params")
            case .resyncRequired: (.gone, "Resync required")
            }
        case is InvalidInput:
            (.unprocessableContent, "Invalid params")
        default:
            (.internalServerError, "Internal Server Error")
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
