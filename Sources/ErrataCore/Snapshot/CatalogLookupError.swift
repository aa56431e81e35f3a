/// Why a lookup in a ``CatalogSnapshot`` found nothing to describe.
public enum CatalogLookupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No entry has this code; `suggestions` are near codes, closest first.
    case unknownCode(ErrorCode, suggestions: [ErrorCode])
    /// The code exists but has no such variant; `available` lists its variants.
    case unknownVariant(ErrorCode, VariantName, available: [VariantName])
    /// A parameter was given that the entry's texts do not use.
    case unknownParameter(String, entry: EntryKey)
    /// A parameter's value is not a plain decimal, and the entry's text uses it as a number or plural.
    case parameterNotANumber(String, value: String, entry: EntryKey)

    public var description: String {
        switch self {
        case .unknownCode(let code, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map(\.rawValue).joined(separator: ", "))?"
            return "unknown error code '\(code)'\(hint)"
        case .unknownVariant(let code, let variant, let available):
            let list = available.isEmpty ? "it has none" : "it has \(available.map(\.rawValue).joined(separator: ", "))"
            return "error code '\(code)' has no variant '\(variant)'; \(list)"
        case .unknownParameter(let name, let entry):
            return "parameter '\(name)' is not used by \(entry)"
        case .parameterNotANumber(let name, let value, let entry):
            return "parameter '\(name)' is a number in the texts of \(entry): give a plain decimal such as 9999 or 2.5, not '\(value)'"
        }
    }
}
