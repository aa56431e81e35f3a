extension CatalogDocument {
    /// The size of the pieces ``writeCanonicalJSON(pieceSize:to:)`` hands on by default.
    package static let defaultPieceSize = 65_536

    /// Writes the document as canonical JSON, byte for byte `CanonicalJSON.encode(self)`, handing it
    /// to `consume` in pieces of about `pieceSize` bytes (at least one entry or one text key each).
    ///
    /// A large catalog's document is tens of megabytes of JSON: written this way it is never held
    /// whole, and none of `JSONEncoder`'s intermediate values are made.
    package func writeCanonicalJSON<Failure: Error>(
        pieceSize: Int = defaultPieceSize, to consume: ([UInt8]) throws(Failure) -> Void
    ) throws(Failure) {
        var writer = JSONWriter(capacity: pieceSize + 4_096)
        func handOnIfFull(_ writer: inout JSONWriter) throws(Failure) {
            guard writer.bytes.count >= pieceSize else { return }
            try consume(writer.bytes)
            writer.removeAll()
        }
        writer.raw("{")
        writer.member("entries", first: true)
        try writer.array(entries) { (writer, entry) throws(Failure) in
            entry.write(to: &writer)
            try handOnIfFull(&writer)
        }
        writer.member("formatVersion")
        writer.integer(formatVersion)
        writer.member("locales")
        LocaleInfo.write(locales, to: &writer)
        writer.member("needsReview")
        try writer.array(needsReview) { (writer, key) throws(Failure) in
            writer.string(key)
            try handOnIfFull(&writer)
        }
        // Synthesized Codable omits a nil `retryPolicies`.
        if let retryPolicies {
            writer.member("retryPolicies")
            retryPolicies.write(to: &writer)
        }
        writer.member("revision")
        writer.integer(revision)
        writer.member("sourceLanguage")
        writer.string(sourceLanguage.rawValue)
        writer.member("texts")
        try writer.object(texts) { (writer, textsByLocale) throws(Failure) in
            writer.object(textsByLocale) { writer, text in writer.string(text) }
            try handOnIfFull(&writer)
        }
        writer.raw("}")
        try consume(writer.bytes)
    }
}

extension CatalogManifest.Entry {
    /// Writes the entry as a canonical JSON object (members in sorted order), `variant` as `null` when it
    /// has none and `aliases` only when it has some.
    package func write(to writer: inout JSONWriter) {
        writer.raw("{")
        if !aliases.isEmpty {
            writer.member("aliases", first: true)
            writer.array(aliases) { writer, alias in writer.string(alias.rawValue) }
        }
        writer.member("category", first: aliases.isEmpty)
        writer.string(category.rawValue)
        writer.member("code")
        writer.string(code.rawValue)
        writer.member("fault")
        writer.string(fault.rawValue)
        writer.member("httpStatus")
        writer.integer(httpStatus)
        writer.member("origin")
        writer.string(origin.rawValue)
        writer.member("parameters")
        writer.object(parameters) { writer, parameter in parameter.write(to: &writer) }
        writer.member("retry")
        writer.string(retry.rawValue)
        if let retryPolicy {
            writer.member("retryPolicy")
            retryPolicy.write(to: &writer)
        }
        writer.member("serviceMessage")
        writer.string(serviceMessage)
        writer.member("variant")
        writer.string(variant?.rawValue)
        writer.raw("}")
    }
}

extension CatalogManifest.Parameter {
    /// Writes the placeholder as its `Codable` form does: the default alone, or an object with its note.
    func write(to writer: inout JSONWriter) {
        guard let note else { return writer.string(defaultValue) }
        writer.raw("{")
        writer.member("default", first: true)
        writer.string(defaultValue)
        writer.member("note")
        writer.string(note)
        writer.raw("}")
    }
}

extension RetryPolicies {
    /// Writes the policies as a canonical JSON object, leaving out a class without one (as synthesized `Codable` does).
    package func write(to writer: inout JSONWriter) {
        writer.raw("{")
        if let retryable {
            writer.member("retryable", first: true)
            retryable.write(to: &writer)
        }
        if let throttling {
            writer.member("throttling", first: retryable == nil)
            throttling.write(to: &writer)
        }
        writer.raw("}")
    }
}

extension LocaleInfo {
    /// Writes locales as a canonical JSON array of `{"name", "tag"}` objects.
    package static func write(_ locales: [LocaleInfo], to writer: inout JSONWriter) {
        writer.array(locales) { writer, locale in
            writer.raw("{")
            writer.member("name", first: true)
            writer.string(locale.name)
            writer.member("tag")
            writer.string(locale.tag.rawValue)
            writer.raw("}")
        }
    }
}
