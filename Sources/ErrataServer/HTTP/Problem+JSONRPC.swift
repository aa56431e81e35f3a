import ErrataCore
import ErrataStore
import Hummingbird

extension Problem {
    /// The REST problem for a JSON-RPC error, so that both protocols answer every failure alike.
    ///
    /// The HTTP status follows from the error code and `data.reason`; the reason and the data
    /// members carry over, and 401 and 429 gain their `WWW-Authenticate` and `Retry-After` headers.
    ///
    /// - Parameters:
    ///   - rpc: The JSON-RPC error.
    ///   - invalidParamsStatus: The status for -32602: 400 for reads, 422 for edits.
    init(_ rpc: JSONRPCErrorObject, invalidParamsStatus: HTTPResponse.Status = .badRequest) {
        var data: [String: JSONValue] = [:]
        if case .object(let members) = rpc.data { data = members }
        let reason = rpc.reason ?? "InternalError"
        var detail: String?
        if case .string(let text) = data["detail"] { detail = text }
        let extensions = data.filter { $0.key != "reason" && $0.key != "detail" }
        var headers: HTTPFields = [:]
        let status: HTTPResponse.Status
        switch rpc.code {
        case -32602: status = invalidParamsStatus
        case ErrataRPCErrorCode.notFound: status = .notFound
        case ErrataRPCErrorCode.unauthorized:
            status = .unauthorized
            headers[.wwwAuthenticate] = detail?.contains("not valid") == true
                ? #"Bearer realm="errata", error="invalid_token""# : #"Bearer realm="errata""#
        case ErrataRPCErrorCode.forbidden: status = .forbidden
        case ErrataRPCErrorCode.conflict: status = reason == "Conflict" ? .preconditionFailed : .conflict
        case ErrataRPCErrorCode.resyncRequired: status = .gone
        case ErrataRPCErrorCode.throttled:
            status = .tooManyRequests
            if case .integer(let seconds) = data["retryAfter"] { headers[.retryAfter] = String(seconds) }
        default: status = .internalServerError
        }
        self.init(
            status: status, kind: Self.kind(of: reason), title: rpc.message, detail: detail, reason: reason,
            extensions: extensions, headers: headers
        )
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
