import Foundation

/// A short, one-line reason for a failure, fit for a warning or a ``SyncError``.
///
/// `DecodingError`'s own description spans several lines of coding-path dumps; its context's
/// summary is what a reader needs.
func oneLineReason(_ error: any Error) -> String {
    switch error {
    case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
        DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
    default:
        return (error as NSError).localizedDescription
    }
}
