import ErrataCore
import ErrataStore
import Foundation

/// The result of `admin.setText` and `PUT /v1/admin/errors/{code}/texts/{locale}/{field}`.
struct SetTextResult: Codable, Sendable {
    var text: String
    /// The text's revision now: the draft revision of the edit, or the published revision when published.
    var draftRevision: Int
    var state: String
    var pending: Bool
    /// The revision published, when the edit was published at once.
    var publishedRevision: Int?
}

/// The result of `admin.draft`: what a publish would change.
struct DraftListing: Codable, Sendable {
    struct Change: Codable, Sendable {
        var code: ErrorCode
        var variant: VariantName?
        var locale: LanguageTag
        var field: TextField
        var text: String
        var previousText: String?
        var state: String
        var draftRevision: Int
        var author: String?
        var updatedAt: Date
    }

    var changes: [Change]

    init(_ changes: [DraftChange]) {
        self.changes = changes.map {
            Change(
                code: $0.key.entry.code, variant: $0.key.entry.variant, locale: $0.key.locale, field: $0.key.field,
                text: $0.text, previousText: $0.previousText, state: $0.state.rawValue, draftRevision: $0.draftRevision,
                author: $0.author, updatedAt: $0.updatedAt
            )
        }
    }
}

/// The result of `admin.history`.
struct HistoryListing: Codable, Sendable {
    var changes: [HistoryItem]
}
