/// The published changes between two revisions: the answer of the delta feed.
///
/// Applying it to the catalog at `fromRevision` gives the catalog at `toRevision`: its texts, their
/// review states and its locales (see ``Catalog/applying(_:)``).
public struct CatalogChanges: Codable, Hashable, Sendable {
    public var fromRevision: Int
    public var toRevision: Int
    /// The newest text and review state of every (entry, locale, field) whose text or state changed after `fromRevision`.
    public var changes: [TextChange]
    /// Texts that no longer exist; always empty while texts are only ever changed.
    public var removed: [TextChange.Key]
    /// The catalog's locales at `toRevision`, in catalog order; a locale added since `fromRevision` starts here.
    ///
    /// `nil` in an answer of a server older than this member, whose changes carry no review states
    /// either: such a delta cannot bring a catalog fully up to date, only a whole catalog can.
    public var locales: [LocaleInfo]?

    /// The strong entity tag of the delta feed's answer from `since` to `toRevision`.
    ///
    /// It names both ends, so a tag can only ever match the answer it came with: a client at
    /// revision N sends the tag for `since == toRevision == N` and gets 304 until something is published.
    ///
    /// For example, `entityTag(toRevision: 7, since: 7, locale: nil)` is `"r7-since7"`.
    public static func entityTag(toRevision: Int, since: Int, locale: LanguageTag?) -> String {
        "\"r\(toRevision)-since\(since)\(locale.map { "-\($0)" } ?? "")\""
    }

    public init(fromRevision: Int, toRevision: Int, changes: [TextChange], removed: [TextChange.Key] = [], locales: [LocaleInfo]?) {
        self.fromRevision = fromRevision
        self.toRevision = toRevision
        self.changes = changes
        self.removed = removed
        self.locales = locales
    }

    private enum CodingKeys: String, CodingKey {
        case fromRevision, toRevision, changes, removed, locales
    }

    /// Reads a delta, skipping the changes of text fields this version does not know.
    ///
    /// A newer server may serve a field added after this client was built (as `developerHint` was):
    /// its texts are ones this client cannot show, and refusing the whole delta for them would stop
    /// every later sync.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fromRevision = try container.decode(Int.self, forKey: .fromRevision)
        toRevision = try container.decode(Int.self, forKey: .toRevision)
        changes = try container.decode([OfKnownField<TextChange>].self, forKey: .changes).compactMap(\.value)
        removed = try container.decode([OfKnownField<TextChange.Key>].self, forKey: .removed).compactMap(\.value)
        locales = try container.decodeIfPresent([LocaleInfo].self, forKey: .locales)
    }

    /// A change or key decoded only when its `field` is one of ``TextField``'s cases.
    private struct OfKnownField<Value: Decodable>: Decodable {
        var value: Value?

        private enum CodingKeys: String, CodingKey {
            case field
        }

        init(from decoder: any Decoder) throws {
            let field = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .field)
            value = TextField(rawValue: field) == nil ? nil : try Value(from: decoder)
        }
    }
}

/// One changed text in the delta feed: its value and review state after the change.
public struct TextChange: Codable, Hashable, Sendable {
    public var code: ErrorCode
    public var variant: VariantName?
    public var locale: LanguageTag
    public var field: TextField
    public var text: String
    /// The text's review state; anything but `translated` counts as needing review (see ``Catalog/needsReview``).
    public var state: TranslationState
    /// The published revision that made this change.
    public var revision: Int

    /// Identifies a text without its value.
    public struct Key: Codable, Hashable, Sendable {
        public var code: ErrorCode
        public var variant: VariantName?
        public var locale: LanguageTag
        public var field: TextField

        public init(code: ErrorCode, variant: VariantName?, locale: LanguageTag, field: TextField) {
            self.code = code
            self.variant = variant
            self.locale = locale
            self.field = field
        }
    }

    public init(key: TextKey, text: String, state: TranslationState = .translated, revision: Int) {
        self.code = key.entry.code
        self.variant = key.entry.variant
        self.locale = key.locale
        self.field = key.field
        self.text = text
        self.state = state
        self.revision = revision
    }

    public var textKey: TextKey {
        TextKey(entry: EntryKey(code: code, variant: variant), locale: locale, field: field)
    }

    /// Whether the change leaves the text awaiting review.
    public var needsReview: Bool { state != .translated }

    private enum CodingKeys: String, CodingKey {
        case code, variant, locale, field, text, state, revision
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(ErrorCode.self, forKey: .code)
        variant = try container.decodeIfPresent(VariantName.self, forKey: .variant)
        locale = try container.decode(LanguageTag.self, forKey: .locale)
        field = try container.decode(TextField.self, forKey: .field)
        text = try container.decode(String.self, forKey: .text)
        // Older servers sent no state; their answers also lack `CatalogChanges.locales`, which is what clients check.
        state = try container.decodeIfPresent(TranslationState.self, forKey: .state) ?? .translated
        revision = try container.decode(Int.self, forKey: .revision)
    }

    // Written explicitly so that `"variant": null` is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(variant, forKey: .variant)
        try container.encode(locale, forKey: .locale)
        try container.encode(field, forKey: .field)
        try container.encode(text, forKey: .text)
        try container.encode(state, forKey: .state)
        try container.encode(revision, forKey: .revision)
    }
}

extension Catalog {
    /// The catalog with a delta applied: its locales, when given, replace the catalog's, then each change
    /// replaces its text and review state.
    ///
    /// Changes for entries or locales the catalog does not have are ignored. Locales are only ever
    /// added, so the texts of a locale missing from the delta's are not removed.
    public func applying(_ changes: CatalogChanges) -> Catalog {
        var result = self
        if let locales = changes.locales { result.locales = locales }
        let entries = Set(entries.map(\.key))
        let locales = Set(result.locales.map(\.tag))
        for change in changes.changes {
            let key = change.textKey
            guard entries.contains(key.entry), locales.contains(key.locale) else { continue }
            result.texts[key] = change.text
            if change.needsReview {
                result.needsReview.insert(key)
            } else {
                result.needsReview.remove(key)
            }
        }
        return result
    }
}
