/// The published changes between two revisions: the answer of the delta feed.
///
/// Applying `changes` to the catalog at `fromRevision` gives the catalog at `toRevision`.
public struct CatalogChanges: Codable, Hashable, Sendable {
    public var fromRevision: Int
    public var toRevision: Int
    /// The newest text of every (entry, locale, field) changed after `fromRevision`.
    public var changes: [TextChange]
    /// Texts that no longer exist; always empty while texts are only ever changed.
    public var removed: [TextChange.Key]

    /// The strong entity tag of the delta feed's answer from `since` to `toRevision`.
    ///
    /// It names both ends, so a tag can only ever match the answer it came with: a client at
    /// revision N sends the tag for `since == toRevision == N` and gets 304 until something is published.
    ///
    /// For example, `entityTag(toRevision: 7, since: 7, locale: nil)` is `"r7-since7"`.
    public static func entityTag(toRevision: Int, since: Int, locale: LanguageTag?) -> String {
        "\"r\(toRevision)-since\(since)\(locale.map { "-\($0)" } ?? "")\""
    }

    public init(fromRevision: Int, toRevision: Int, changes: [TextChange], removed: [TextChange.Key] = []) {
        self.fromRevision = fromRevision
        self.toRevision = toRevision
        self.changes = changes
        self.removed = removed
    }
}

/// One changed text in the delta feed.
public struct TextChange: Codable, Hashable, Sendable {
    public var code: ErrorCode
    public var variant: VariantName?
    public var locale: LanguageTag
    public var field: TextField
    public var text: String
    /// The published revision that made this change.
    public var revision: Int

    /// Identifies a text without its value.
    public struct Key: Codable, Hashable, Sendable {
        public var code: ErrorCode
        public var variant: VariantName?
        public var locale: LanguageTag
        public var field: TextField
    }

    public init(key: TextKey, text: String, revision: Int) {
        self.code = key.entry.code
        self.variant = key.entry.variant
        self.locale = key.locale
        self.field = key.field
        self.text = text
        self.revision = revision
    }

    public var textKey: TextKey {
        TextKey(entry: EntryKey(code: code, variant: variant), locale: locale, field: field)
    }

    // Written explicitly so that `"variant": null` is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(variant, forKey: .variant)
        try container.encode(locale, forKey: .locale)
        try container.encode(field, forKey: .field)
        try container.encode(text, forKey: .text)
        try container.encode(revision, forKey: .revision)
    }
}

extension Catalog {
    /// The catalog with a delta applied: each change replaces its text.
    ///
    /// Changes for entries or locales the catalog does not have are ignored.
    public func applying(_ changes: CatalogChanges) -> Catalog {
        var result = self
        let entries = Set(entries.map(\.key))
        let locales = Set(locales.map(\.tag))
        for change in changes.changes {
            let key = change.textKey
            guard entries.contains(key.entry), locales.contains(key.locale) else { continue }
            result.texts[key] = change.text
        }
        return result
    }
}
