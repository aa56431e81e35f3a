package import ErrataCore

/// The checks of the admin operations' inputs, shared by the JSON-RPC and REST adapters so that
/// both refuse the same inputs with the same words.
package enum AdminInput {
    /// The longest publish note, in characters.
    package static let maximumNoteLength = 500
    /// The longest locale name, in characters.
    package static let maximumLocaleNameLength = 100
    /// The longest token name, in characters (as `token create` allows).
    package static let maximumTokenNameLength = 64

    /// The text an admin operation names.
    ///
    /// - Throws: ``InvalidInput`` naming `code`, `variant`, `locale` or `field`. Whether the text
    ///   exists is the store's to say (`EditError`).
    package static func textKey(code: String, variant: String?, locale: String, field: String) throws(InvalidInput) -> TextKey {
        guard !code.isEmpty, code.utf8.count <= ErrorCode.maximumLength else {
            throw InvalidInput("code must be 1-\(ErrorCode.maximumLength) bytes", field: "code")
        }
        guard (variant?.utf8.count ?? 0) <= VariantName.maximumLength else {
            throw InvalidInput("variant must be at most \(VariantName.maximumLength) bytes", field: "variant")
        }
        guard let field = TextField(rawValue: field) else {
            throw InvalidInput("field must be \"message\" or \"remediation\", not '\(field.prefix(32))'", field: "field")
        }
        // An empty variant counts as none, as `?variant=` does over REST.
        let entry = EntryKey(code: ErrorCode(code), variant: variant.flatMap { $0.isEmpty ? nil : VariantName($0) })
        return TextKey(entry: entry, locale: try languageTag(locale, field: "locale"), field: field)
    }

    /// A well-formed BCP 47 language tag.
    package static func languageTag(_ raw: String, field: String) throws(InvalidInput) -> LanguageTag {
        guard raw.utf8.count <= LanguageTag.maximumLength, let tag = LanguageTag(rawValue: raw) else {
            throw InvalidInput("\(field) must be a well-formed BCP 47 language tag", field: field)
        }
        return tag
    }

    /// A publish note: 1 to ``maximumNoteLength`` characters, no control characters.
    package static func note(_ note: String) throws(InvalidInput) -> String {
        guard !note.isEmpty, note.count <= maximumNoteLength, !note.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw InvalidInput("note must be 1-\(maximumNoteLength) characters without control characters", field: "note")
        }
        return note
    }

    /// A locale's display name: trimmed, non-empty, at most ``maximumLocaleNameLength`` characters.
    package static func localeName(_ name: String) throws(InvalidInput) -> String {
        guard !name.isEmpty, name.count <= maximumLocaleNameLength,
            TextRules.problems(in: name, sourceText: nil, declaredParameters: [:]).isEmpty
        else {
            throw InvalidInput("name must be a trimmed, non-empty name of at most \(maximumLocaleNameLength) characters", field: "name")
        }
        return name
    }

    // MARK: - Members of a call or body

    /// The `note` member: optional for an edit, required for a publish or revert.
    package static func note(in input: InputMembers, required: Bool) throws(InvalidInput) -> String? {
        try input.string("note", required: required, maximumLength: maximumNoteLength).map { (raw) throws(InvalidInput) in
            try note(raw)
        }
    }

    /// The `text` member of an edit or a dry run of one.
    package static func text(in input: InputMembers) throws(InvalidInput) -> String {
        try input.string("text", required: true, maximumLength: TextRules.maximumLength)!
    }

    /// The members of a text edit: `text`, `publish` and `note`.
    package static func textChange(in input: InputMembers) throws(InvalidInput) -> (text: String, publish: Bool, note: String?) {
        (try text(in: input), try input.bool("publish") ?? false, try note(in: input, required: false))
    }

    /// The `state` member of a review: `translated` or `needs_review`.
    package static func reviewState(in input: InputMembers) throws(InvalidInput) -> TranslationState {
        let raw = try input.string("state", required: true, maximumLength: 32)!
        guard let state = [TranslationState.translated, .needsReview].first(where: { $0.rawValue == raw }) else {
            throw InvalidInput("state must be \"translated\" or \"needs_review\", not '\(raw)'", field: "state")
        }
        return state
    }

    /// The members of a revert: `toRevision` and `note`.
    package static func revert(in input: InputMembers) throws(InvalidInput) -> (target: Int, note: String) {
        (try input.integer("toRevision", required: true, in: 1...Int.max)!, try note(in: input, required: true)!)
    }

    /// The members of an added locale: `tag` and `name`.
    package static func newLocale(in input: InputMembers) throws(InvalidInput) -> (tag: LanguageTag, name: String) {
        let tag = try languageTag(try input.string("tag", required: true, maximumLength: LanguageTag.maximumLength)!, field: "tag")
        return (tag, try localeName(try input.string("name", required: true, maximumLength: maximumLocaleNameLength)!))
    }
}
