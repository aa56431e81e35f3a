/// A locale the catalog is written in, with its name in that language.
public struct LocaleInfo: Hashable, Codable, Sendable {
    public var tag: LanguageTag
    /// The locale's own name for itself, such as `简体中文`.
    public var name: String

    public init(tag: LanguageTag, name: String) {
        self.tag = tag
        self.name = name
    }
}
