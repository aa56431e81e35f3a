package import Foundation

extension CatalogChanges {
    /// The delta feed's answer as canonical JSON, identical to `CanonicalJSON.encode(self)`.
    ///
    /// Written by hand because a first sync of a large catalog answers every text.
    package var canonicalJSON: Data {
        var writer = JSONWriter(capacity: 128 + changes.count * 160)
        writer.raw("{")
        writer.member("changes", first: true)
        writer.array(changes) { writer, change in Self.write(change, to: &writer) }
        writer.member("fromRevision")
        writer.integer(fromRevision)
        // Synthesized Codable omits a nil `locales`.
        if let locales {
            writer.member("locales")
            LocaleInfo.write(locales, to: &writer)
        }
        writer.member("removed")
        writer.array(removed) { writer, key in
            writer.raw("{")
            Self.writeKey(code: key.code, field: key.field, locale: key.locale, to: &writer)
            // `TextChange.Key` is encoded by synthesized Codable, which omits a nil variant.
            if let variant = key.variant {
                writer.member("variant")
                writer.string(variant.rawValue)
            }
            writer.raw("}")
        }
        writer.member("toRevision")
        writer.integer(toRevision)
        writer.raw("}")
        return writer.data
    }

    private static func write(_ change: TextChange, to writer: inout JSONWriter) {
        writer.raw("{")
        writeKey(code: change.code, field: change.field, locale: change.locale, to: &writer)
        writer.member("revision")
        writer.integer(change.revision)
        writer.member("state")
        writer.string(change.state.rawValue)
        writer.member("text")
        writer.string(change.text)
        writer.member("variant")
        writer.string(change.variant?.rawValue)
        writer.raw("}")
    }

    /// Writes the first members of a change or key object, which sort before the rest.
    private static func writeKey(code: ErrorCode, field: TextField, locale: LanguageTag, to writer: inout JSONWriter) {
        writer.member("code", first: true)
        writer.string(code.rawValue)
        writer.member("field")
        writer.string(field.rawValue)
        writer.member("locale")
        writer.string(locale.rawValue)
    }
}
