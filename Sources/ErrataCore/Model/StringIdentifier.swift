/// A typed string such as an error code or a category: compared, hashed and coded as its string.
///
/// Conforming types get `init(_:)`, ordering and `description` from their raw value, and
/// Swift's standard `Codable` for raw-representable types encodes them as plain JSON strings.
public protocol StringIdentifier: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
}

extension StringIdentifier {
    public init(_ rawValue: String) {
        self.init(rawValue: rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
