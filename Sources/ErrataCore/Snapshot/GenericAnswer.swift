/// How Errata answers for an error code it does not know: with a variant of the `UnrecognizedError`
/// entry chosen by the response's HTTP status class.
///
/// The texts of those variants are catalog data, localized and edited like every other entry's; this
/// type only decides which variant a status gets. For example, a 404 with the code `NoSuchWidget` is
/// answered by `UnrecognizedError.missing`.
public enum GenericAnswer {
    /// The code of the catalog entry whose variants are the generic answers.
    public static let code = ErrorCode("UnrecognizedError")

    /// The variants that can answer a response with `status`, best first: the status's own class, then
    /// the broader one when an operator removed that variant.
    ///
    /// | status | variants |
    /// |---|---|
    /// | 401, 403 | `permission`, `client` |
    /// | 404 | `missing`, `client` |
    /// | 409 | `conflict`, `client` |
    /// | 429 (sent by some S3-compatible gateways) | `throttling`, `client` |
    /// | 503 | `throttling`, `server` |
    /// | other 5xx, and 2xx (an error inside a successful answer, as S3's copy has) | `server` |
    /// | anything else, or no status | `client` |
    public static func variants(forStatus status: Int?) -> [VariantName] {
        switch status {
        case 401, 403: [.permission, .client]
        case 404: [.missing, .client]
        case 409: [.conflict, .client]
        case 429: [.throttling, .client]
        case 503: [.throttling, .server]
        case .some(500...599), .some(200...299): [.server]
        default: [.client]
        }
    }
}

extension VariantName {
    /// `UnrecognizedError.client`: any other 4xx, or no status.
    static let client = VariantName("client")
    /// `UnrecognizedError.permission`: 401 and 403.
    static let permission = VariantName("permission")
    /// `UnrecognizedError.missing`: 404.
    static let missing = VariantName("missing")
    /// `UnrecognizedError.conflict`: 409.
    static let conflict = VariantName("conflict")
    /// `UnrecognizedError.server`: any other 5xx, or an error inside a 2xx.
    static let server = VariantName("server")
    /// `UnrecognizedError.throttling`: 503 and 429.
    static let throttling = VariantName("throttling")
}
