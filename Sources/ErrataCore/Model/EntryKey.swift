/// Identifies one catalog entry: an error code and, for codes with several meanings, a variant.
public struct EntryKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var code: ErrorCode
    public var variant: VariantName?

    public init(code: ErrorCode, variant: VariantName? = nil) {
        self.code = code
        self.variant = variant
    }

    /// The prefix of this entry's keys in a string catalog: `NoSuchKey` or `BucketNotEmpty.acl`.
    public var stringKeyPrefix: String {
        guard let variant else { return code.rawValue }
        return "\(code.rawValue).\(variant.rawValue)"
    }

    /// The key of one of this entry's texts in a string catalog: `NoSuchKey.message` or `BucketNotEmpty.acl.remediation`.
    public func stringKey(_ field: TextField) -> String { "\(stringKeyPrefix).\(field.rawValue)" }

    public var description: String { stringKeyPrefix }

    public static func < (lhs: EntryKey, rhs: EntryKey) -> Bool {
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return (lhs.variant?.rawValue ?? "") < (rhs.variant?.rawValue ?? "")
    }
}
