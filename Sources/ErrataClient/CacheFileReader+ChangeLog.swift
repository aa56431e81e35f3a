import ErrataCore
import Foundation

extension CacheFileReader {
    /// Decodes one line of `changes.log`, as `ChangeLog.Record`'s `Codable` form writes it.
    ///
    /// The delta is read as `CatalogChanges`' own decoder reads one: a change or removed key of a text
    /// field this build does not know is skipped, a change without a state is `translated`, `locales`
    /// may be absent or `null`. Not through `JSONDecoder` for the reason the cache file is not: a log of
    /// three records cost an `errata explain` 2.3 ms in its first-use conformance lookups.
    ///
    /// - Throws: ``Failure``, saying why the line is not a record (a torn last line, say).
    static func record(_ line: Data) throws(Failure) -> ChangeLog.Record {
        guard case .success(let parsed) = StrictJSONParser.parse(line, maximumDepth: maximumDepth) else { throw .notJSON }
        guard case .object(let record) = parsed, let savedAt = date(record["savedAt"]),
            case .object(let delta)? = record["changes"]
        else { throw .malformed("a change log record lacks savedAt or changes") }
        guard let fromRevision = delta["fromRevision"]?.int, let toRevision = delta["toRevision"]?.int,
            case .array(let changes)? = delta["changes"], case .array(let removed)? = delta["removed"]
        else { throw .malformed("a delta lacks its revisions, changes or removed texts") }
        var locales: [LocaleInfo]?
        switch delta["locales"] {
        case nil, .null?: locales = nil
        case .array(let listed)?: locales = try listed.map(Self.localeInfo)
        case .some: throw .malformed("a delta's locales are not a list")
        }
        var knownChanges: [TextChange] = []
        for change in changes {
            if let known = try textChange(change) { knownChanges.append(known) }
        }
        var knownRemoved: [TextChange.Key] = []
        for key in removed {
            if let (key, _) = try textKey(key) {
                knownRemoved.append(TextChange.Key(code: key.entry.code, variant: key.entry.variant, locale: key.locale, field: key.field))
            }
        }
        return ChangeLog.Record(
            savedAt: savedAt,
            changes: CatalogChanges(
                fromRevision: fromRevision, toRevision: toRevision, changes: knownChanges, removed: knownRemoved, locales: locales
            )
        )
    }

    /// A change, or `nil` for one of a text field this build does not know.
    private static func textChange(_ value: JSONValue) throws(Failure) -> TextChange? {
        guard let (key, object) = try textKey(value) else { return nil }
        guard let text = object["text"]?.string, let revision = object["revision"]?.int else {
            throw .malformed("a change lacks its text or revision")
        }
        let state: TranslationState
        switch object["state"] {
        case nil, .null?: state = .translated
        case let value?:
            guard let name = value.string else { throw .malformed("a change's state is not a string") }
            state = TranslationState(rawValue: name)
        }
        return TextChange(key: key, text: text, state: state, revision: revision)
    }

    /// The key a change or removed key names, with its object; `nil` when its field is not a ``TextField``.
    private static func textKey(_ value: JSONValue) throws(Failure) -> (key: TextKey, object: JSONObject)? {
        guard case .object(let object) = value, let field = object["field"]?.string else { throw .malformed("a change has no field") }
        guard let known = TextField(rawValue: field) else { return nil }
        guard let code = object["code"]?.string else { throw .malformed("a change has no code") }
        let variant: VariantName?
        switch object["variant"] {
        case nil, .null?: variant = nil
        case let value?:
            guard let name = value.string else { throw .malformed("a change's variant is not a string") }
            variant = VariantName(name)
        }
        return (TextKey(entry: EntryKey(code: ErrorCode(code), variant: variant), locale: try tag(object["locale"]), field: known), object)
    }
}
