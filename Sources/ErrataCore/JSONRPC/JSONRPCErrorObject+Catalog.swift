/// Errata's application error codes, in the range JSON-RPC reserves for servers (-32000…-32099).
///
/// Each error also carries a stable `data.reason` string; clients should branch on that.
public enum ErrataRPCErrorCode {
    /// No token, or a token that is not known (`Unauthorized`).
    public static let unauthorized = -32001
    /// The token's scope does not allow the method (`Forbidden`).
    public static let forbidden = -32003
    /// The code or variant asked for is not in the catalog (`UnknownCode`, `UnknownVariant`).
    public static let notFound = -32004
    /// The text changed since the editor read it, or the draft is not in the needed state
    /// (`Conflict`, `DraftEmpty`, `DraftPending`, `LocaleExists`).
    public static let conflict = -32009
    /// The delta feed no longer has the changes asked for: fetch the whole catalog (`ResyncRequired`).
    public static let resyncRequired = -32010
    /// Too many failed authentications from this address (`TooManyAuthFailures`).
    public static let throttled = -32029
}

extension JSONRPCErrorObject {
    /// The error answering a failed catalog lookup.
    ///
    /// For example, an unknown code answers
    /// `{"code": -32004, "message": "Unknown error code", "data": {"reason": "UnknownCode", "code": "NoSuchThing", "suggestions": []}}`.
    public init(_ lookup: CatalogLookupError) {
        switch lookup {
        case .unknownCode(let code, let suggestions):
            self.init(
                code: ErrataRPCErrorCode.notFound,
                message: "Unknown error code",
                data: [
                    "reason": "UnknownCode", "detail": .string(lookup.description), "code": .string(code.rawValue),
                    "suggestions": .array(suggestions.map { .string($0.rawValue) }),
                ]
            )
        case .unknownVariant(let code, let variant, let available):
            self.init(
                code: ErrataRPCErrorCode.notFound,
                message: "Unknown variant",
                data: [
                    "reason": "UnknownVariant", "detail": .string(lookup.description), "code": .string(code.rawValue),
                    "variant": .string(variant.rawValue),
                    "available": .array(available.map { .string($0.rawValue) }),
                ]
            )
        case .unknownParameter(let name, _):
            self = .invalidParams(lookup.description, field: "params.\(name)")
        }
    }
}
