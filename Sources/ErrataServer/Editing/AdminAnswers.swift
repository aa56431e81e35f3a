package import ErrataCore
package import ErrataStore
package import Foundation

// The admin API's answers, over JSON-RPC and REST alike. They are wire types of their own, so the
// store's records can change without changing the contract. Two numbers must not be confused:
// a text's `version` (what `If-Match: "t<version>"` and `expectedVersion` name; it changes with
// every edit, drafted or published) and a catalog `revision` (a published state of the whole catalog).

/// A text as an editor reads it: `admin.getText`, `GET /v1/admin/errors/{code}/texts/{locale}/{field}`.
package struct TextAnswer: Codable, Hashable, Sendable {
    package var text: String
    /// The text's version: send it back as `expectedVersion` (or `If-Match: "t<version>"`) to change it.
    package var version: Int
    package var state: String
    /// Whether the text has an edit in the draft that is not published yet.
    package var pending: Bool

    package init(_ version: TextVersion) {
        self.text = version.text
        self.version = version.number
        self.state = version.state.rawValue
        self.pending = version.pending
    }

    /// The entity tag naming this version, for `ETag` and `If-Match`.
    package var entityTag: String { Self.entityTag(version: version) }

    /// `"t<version>"`: the strong entity tag of a text version.
    package static func entityTag(version: Int) -> String { "\"t\(version)\"" }

    /// The version a strong entity tag names, if it is a text version's tag.
    package static func version(inEntityTag tag: Substring) -> Int? {
        guard tag.hasPrefix("\"t"), tag.hasSuffix("\""), tag.count > 3 else { return nil }
        return Int(tag.dropFirst(2).dropLast())
    }

    /// The members as a JSON value, for error data.
    package var json: JSONValue {
        ["text": .string(text), "version": .integer(Int64(version)), "state": .string(state), "pending": .bool(pending)]
    }
}

/// The outcome of `admin.setText` and `PUT /v1/admin/errors/{code}/texts/{locale}/{field}`: the
/// text as it is now, its members inline, the catalog revision published with it, if any, and the
/// text's warnings (saved all the same).
package struct TextEditAnswer: Encodable, Hashable, Sendable {
    /// The text as it is now.
    package var current: TextAnswer
    /// The catalog revision published, when the edit was published at once.
    package var publishedRevision: Int?
    /// What the glossary checks found in the text; empty when nothing.
    package var warnings: [TextWarningAnswer]

    package init(_ outcome: (version: TextVersion, published: Int?), warnings: [TextWarningAnswer] = []) {
        self.current = TextAnswer(outcome.version)
        self.publishedRevision = outcome.published
        self.warnings = warnings
    }

    package var entityTag: String { current.entityTag }

    private enum CodingKeys: String, CodingKey {
        case publishedRevision, warnings
    }

    // One flat object: the text's members, then `publishedRevision` when there is one, then `warnings`.
    package func encode(to encoder: any Encoder) throws {
        try current.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(publishedRevision, forKey: .publishedRevision)
        try container.encode(warnings, forKey: .warnings)
    }
}

/// The outcome of a publish, revert or added locale: the catalog revision it published.
package struct RevisionAnswer: Codable, Hashable, Sendable {
    package var revision: Int
}

/// The outcome of `admin.discardDraft`: how many pending edits were dropped.
package struct DiscardAnswer: Codable, Hashable, Sendable {
    package var discarded: Int
}

/// `admin.draft`: what a publish would change, each changed text with its warnings.
package struct DraftListing: Codable, Hashable, Sendable {
    package struct Change: Codable, Hashable, Sendable {
        package var code: ErrorCode
        package var variant: VariantName?
        package var locale: LanguageTag
        package var field: TextField
        package var text: String
        /// The published text it replaces; absent for a text that is new.
        package var previousText: String?
        package var state: String
        /// The text's version in the draft.
        package var version: Int
        package var author: String?
        package var updatedAt: Date
        /// What the glossary checks found in `text`; empty when nothing.
        package var warnings: [TextWarningAnswer]
    }

    package var changes: [Change]

    /// - Parameter glossary: The glossary the changes' warnings are found with.
    package init(_ changes: [DraftChange], glossary: Glossary?) {
        self.changes = changes.map {
            Change(
                code: $0.key.entry.code, variant: $0.key.entry.variant, locale: $0.key.locale, field: $0.key.field,
                text: $0.text, previousText: $0.previousText, state: $0.state.rawValue, version: $0.version,
                author: $0.author, updatedAt: $0.updatedAt,
                warnings: TextWarningAnswer.warnings(in: $0.text, locale: $0.key.locale, glossary: glossary)
            )
        }
    }
}

/// `admin.history`: published text changes, newest first, each with the text before and after.
package struct HistoryListing: Codable, Hashable, Sendable {
    package struct Change: Codable, Hashable, Sendable {
        /// The catalog revision that published the change.
        package var revision: Int
        package var createdAt: Date
        /// The name of the token that published it; absent for imports.
        package var author: String?
        package var note: String
        package var code: ErrorCode
        package var variant: VariantName?
        package var locale: LanguageTag
        package var field: TextField
        /// The text before; absent when the text was created.
        package var oldText: String?
        package var newText: String
        /// The review state the change left the text in.
        package var state: String
    }

    package var changes: [Change]

    package init(_ items: [HistoryItem]) {
        self.changes = items.map {
            Change(
                revision: $0.revision, createdAt: $0.createdAt, author: $0.author, note: $0.note, code: $0.code,
                variant: $0.variant, locale: $0.locale, field: $0.field, oldText: $0.oldText, newText: $0.newText,
                state: $0.state.rawValue
            )
        }
    }
}
