public import Foundation

extension CatalogChanges {
    /// The delta feed's answer as canonical JSON, identical to `CanonicalJSON.encode(self)`.
    ///
    /// Written by hand because a first sync of a large catalog answers every text.
    package var canonicalJSON: Data {
        var writer = JSONWriter(capacity: 128 + changes.count * 160)
        writer.raw("{")
        writer.member("changes", first: true)
        write(changes, to: &writer)
        writer.member("fromRevision")
        writer.integer(fromRevision)
        writer.member("removed")
        writer.raw("[")
        for (index, key) in removed.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{")
            writer.member("code", first: true)
            writer.string(key.code.rawValue)
            writer.member("field")
            writer.string(key.field.rawValue)
            writer.member("locale")
            writer.string(key.locale.rawValue)
            if let variant = key.variant {
                writer.member("variant")
                writer.string(variant.rawValue)
            }
            writer.raw("}")
        }
        writer.raw("]")
        writer.member("toRevision")
        writer.integer(toRevision)
        writer.raw("}")
        return writer.data
    }

    private func write(_ changes: [TextChange], to writer: inout JSONWriter) {
        writer.raw("[")
        for (index, change) in changes.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{")
            writer.member("code", first: true)
            writer.string(change.code.rawValue)
            writer.member("field")
            writer.string(change.field.rawValue)
            writer.member("locale")
            writer.string(change.locale.rawValue)
            writer.member("revision")
            writer.integer(change.revision)
            writer.member("text")
            writer.string(change.text)
            writer.member("variant")
            writer.string(change.variant?.rawValue)
            writer.raw("}")
        }
        writer.raw("]")
    }
}
