/// A catalog file that could not be read or written.
///
/// Its description is one line naming the file and the problem, fit for a command-line message.
public struct CatalogFileError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case unreadable(reason: String)
        case malformed(reason: String)
        case unsupportedFormatVersion(Int)
        case unwritable(reason: String)
    }

    private let kind: Kind
    /// The path of the file concerned.
    public let file: String

    public static func unreadable(file: String, reason: String) -> Self { .init(kind: .unreadable(reason: reason), file: file) }
    public static func malformed(file: String, reason: String) -> Self { .init(kind: .malformed(reason: reason), file: file) }
    public static func unsupportedFormatVersion(_ version: Int, file: String) -> Self {
        .init(kind: .unsupportedFormatVersion(version), file: file)
    }
    public static func unwritable(file: String, reason: String) -> Self { .init(kind: .unwritable(reason: reason), file: file) }

    public var description: String {
        switch kind {
        case .unreadable(let reason): "cannot read \(file): \(reason)"
        case .malformed(let reason): "\(file) is not a valid catalog file: \(reason)"
        case .unsupportedFormatVersion(let version):
            "\(file) has formatVersion \(version); this build reads formatVersion \(CatalogManifest.currentFormatVersion)"
        case .unwritable(let reason): "cannot write \(file): \(reason)"
        }
    }
}
