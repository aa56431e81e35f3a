package import ErrataStore

/// What an admin may do, and the token scope each needs: the one place that says who may do what.
package enum AdminOperation: Sendable {
    /// Asking who the token is: any valid token may.
    case identify
    case readText
    /// Checking a text as an edit would, without saving it.
    case validateText
    case editText
    /// An edit published at once (`publish: true`).
    case editAndPublishText
    /// Marking a text reviewed, or flagging it for review.
    case reviewText
    /// Every text with its state and version, for a console.
    case readOverview
    case readDraft
    case discardDraft
    case publish
    case revert
    case readHistory
    case addLocale

    /// The scope a token needs for the operation.
    package var scope: TokenScope {
        switch self {
        case .identify: .read
        case .readText, .validateText, .editText, .reviewText, .readOverview, .readDraft: .edit
        case .editAndPublishText, .discardDraft, .publish, .revert: .publish
        case .readHistory, .addLocale: .admin
        }
    }
}
