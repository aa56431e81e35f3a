package import ErrataCore

/// Which published changes `admin.history` and `GET /v1/admin/history` list: every filter is optional.
package struct HistoryQuery: Hashable, Sendable {
    /// How many changes a page holds at least when none is asked for.
    package static let defaultLimit = 50

    /// Only changes of this code.
    package var code: ErrorCode?
    /// Only changes in this locale.
    package var locale: LanguageTag?
    /// Only changes published by the token of this name.
    package var author: String?
    /// Also list changes of a review state alone.
    package var reviewChanges = false
    package var limit = Self.defaultLimit
    /// Only changes published before this revision, for paging.
    package var before: Int?
}
