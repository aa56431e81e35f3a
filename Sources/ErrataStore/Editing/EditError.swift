package import ErrataCore

/// Why an edit, publish or revert was refused. Nothing was written.
package struct EditError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of refusal, for callers that map them to protocol errors.
    package enum Kind: Hashable, Sendable {
        /// No entry has this code.
        case unknownCode(ErrorCode)
        /// The code exists, but not with this variant (or a variant is needed).
        case unknownVariant(ErrorCode, VariantName?, available: [VariantName])
        /// The locale is not in the catalog; `admin.addLocale` adds it.
        case unknownLocale(LanguageTag)
        /// The text does not exist yet, so it has no review state to set.
        case missingText(TextKey)
        /// The locale is already in the catalog.
        case localeExists(LanguageTag)
        /// The text breaks the text rules.
        case invalidText([TextProblem])
        /// `expectedVersion` is not the text's current version; `current` is what it is now.
        case conflict(current: TextVersion)
        /// There is nothing in the draft to publish.
        case emptyDraft
        /// A revert needs an empty draft, so that no pending edit silently survives it.
        case draftPending(count: Int)
        /// The revision does not exist, or its history was compacted away.
        case revisionUnavailable(Int, earliest: Int, latest: Int)
    }

    package let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    package var description: String {
        switch kind {
        case .unknownCode(let code): "unknown error code '\(code)'"
        case .unknownVariant(let code, nil, let available):
            "error code '\(code)' has variants; name one of \(available.map(\.rawValue).joined(separator: ", "))"
        case .unknownVariant(let code, let variant?, let available) where available.isEmpty:
            "error code '\(code)' has no variants, so not '\(variant)'"
        case .unknownVariant(let code, let variant?, let available):
            "error code '\(code)' has no variant '\(variant)'; it has \(available.map(\.rawValue).joined(separator: ", "))"
        case .unknownLocale(let tag): "locale \(tag) is not in the catalog; add it with admin.addLocale first"
        case .missingText(let key): "\(key) has no text yet; write it with admin.setText first"
        case .localeExists(let tag): "locale \(tag) is already in the catalog"
        case .invalidText(let problems): problems.map(\.description).joined(separator: "; ")
        case .conflict(let current): "the text changed since it was read; its current version is \(current.number)"
        case .emptyDraft: "the draft is empty; there is nothing to publish"
        case .draftPending(let count): "the draft holds \(count) pending edit\(count == 1 ? "" : "s"); publish or discard it first"
        case .revisionUnavailable(let revision, let earliest, let latest):
            "revision \(revision) is not available; history covers revisions \(earliest) to \(latest)"
        }
    }
}

/// A text as an editor reads it: its value, its version number and its review state.
package struct TextVersion: Codable, Hashable, Sendable {
    package var text: String
    /// The text's version: the published revision that last changed its value, or the draft
    /// version of its pending edit (see ``DraftVersion``); 0 for a text that does not exist yet.
    /// Editors send it back as `expectedVersion`.
    package var number: Int
    package var state: TranslationState
    /// Whether the text has a pending draft edit.
    package var pending: Bool

    package init(text: String, number: Int, state: TranslationState, pending: Bool) {
        self.text = text
        self.number = number
        self.state = state
        self.pending = pending
    }

    /// The version of a text that does not exist yet: empty, version 0.
    package static let missing = TextVersion(text: "", number: 0, state: .needsReview, pending: false)
}
