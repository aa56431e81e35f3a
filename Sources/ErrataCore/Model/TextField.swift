/// The localized texts of a catalog entry: two every entry carries, and one it may carry.
public enum TextField: String, CaseIterable, Codable, Hashable, Comparable, Sendable {
    /// One short user-facing sentence saying what happened.
    case message
    /// Concrete steps a console or CLI user can take.
    case remediation
    /// What a developer integrating the storage service should check or change in code; optional.
    case developerHint

    /// Whether every entry has this text in every locale; an optional text exists in a locale only
    /// where the source locale has it.
    public var isRequired: Bool { self != .developerHint }

    public static func < (lhs: TextField, rhs: TextField) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Identifies one localized text: an entry, a locale and a field.
public struct TextKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var entry: EntryKey
    public var locale: LanguageTag
    public var field: TextField

    public init(entry: EntryKey, locale: LanguageTag, field: TextField) {
        self.entry = entry
        self.locale = locale
        self.field = field
    }

    /// The key of this text in a string catalog, such as `NoSuchKey.remediation`.
    public var stringKey: String { entry.stringKey(field) }

    public var description: String { "\(stringKey)@\(locale)" }

    public static func < (lhs: TextKey, rhs: TextKey) -> Bool {
        if lhs.entry != rhs.entry { return lhs.entry < rhs.entry }
        if lhs.locale != rhs.locale { return lhs.locale.rawValue < rhs.locale.rawValue }
        return lhs.field < rhs.field
    }
}
