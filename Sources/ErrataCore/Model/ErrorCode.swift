/// The error code a storage service returns, such as `NoSuchKey`.
///
/// Codes compare exactly: `NoSuchKey` and `nosuchkey` are different codes.
/// Use ``CatalogSnapshot/suggestions(for:limit:)`` to help a user who typed the wrong case.
public struct ErrorCode: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: ErrorCode, rhs: ErrorCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The name of one of several meanings a single error code carries.
///
/// For example, the storage service answers `BucketNotEmpty` for a bucket that still holds
/// objects (`objects`), unfinished multipart uploads (`multipartUploads`) or ACLs (`acl`).
public struct VariantName: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: VariantName, rhs: VariantName) -> Bool { lhs.rawValue < rhs.rawValue }
}
