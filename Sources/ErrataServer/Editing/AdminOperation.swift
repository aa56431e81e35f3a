package import ErrataStore

/// What an admin may do, and the token scope each needs: the one place that says who may do what.
package enum AdminOperation: Sendable {
    case readText
    case editText
    /// An edit published at once (`publish: true`).
    case editAndPublishText
    case readDraft
    case discardDraft
    case publish
    case revert
    case readHistory
    case addLocale

    /// The scope a token needs for the operation.
    package var scope: TokenScope {
        switch self {
        case .readText, .editText, .readDraft: .edit
        case .editAndPublishText, .discardDraft, .publish, .revert: .publish
        case .readHistory, .addLocale: .admin
        }
    }
}
