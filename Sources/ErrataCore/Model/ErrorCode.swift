/// The error code a storage service returns, such as `NoSuchKey`.
///
/// Codes compare exactly: `NoSuchKey` and `nosuchkey` are different codes.
/// Use ``CatalogSnapshot/suggestions(for:limit:)`` to help a user who typed the wrong case.
public struct ErrorCode: StringIdentifier {
    /// The longest code the service accepts in a request, in UTF-8 bytes.
    public static let maximumLength = 128

    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

/// The name of one of several meanings a single error code carries.
///
/// For example, the storage service answers `BucketNotEmpty` for a bucket that still holds
/// objects (`objects`), unfinished multipart uploads (`multipartUploads`) or ACLs (`acl`).
public struct VariantName: StringIdentifier {
    /// The longest variant name the service accepts in a request, in UTF-8 bytes.
    public static let maximumLength = 64

    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}
