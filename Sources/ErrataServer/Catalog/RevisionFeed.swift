public import ErrataCore

/// The delta feed of one published revision: every retained change, answering "what changed since N".
///
/// Changes are kept oldest first, so the changes since N are a suffix found by binary search;
/// of several changes to one text only the newest is returned.
public struct RevisionFeed: Sendable {
    /// The revision the feed describes.
    public let currentRevision: Int
    /// History was compacted through this revision; older `since` values need a full resync.
    public let floor: Int
    private let changes: [TextChange]

    /// - Parameter changes: Published changes after `floor`, oldest first.
    public init(currentRevision: Int, floor: Int, changes: [TextChange]) {
        self.currentRevision = currentRevision
        self.floor = floor
        self.changes = changes
    }

    /// The newest change of every text changed after `since`.
    ///
    /// - Parameters:
    ///   - since: The revision the caller has.
    ///   - locale: Only changes in this locale, when given.
    /// - Throws: ``FeedError`` when `since` is in the future or older than the retained history.
    public func changes(since: Int, locale: LanguageTag? = nil) throws(FeedError) -> CatalogChanges {
        guard since >= 0, since <= currentRevision else {
            throw .sinceOutOfRange(since, current: currentRevision)
        }
        guard since >= floor else { throw .resyncRequired(since: since, floor: floor) }
        var lower = changes.startIndex
        var upper = changes.endIndex
        while lower < upper {
            let middle = (lower + upper) / 2
            if changes[middle].revision <= since { lower = middle + 1 } else { upper = middle }
        }
        var newest: [TextKey: TextChange] = [:]
        for change in changes[lower...] where locale == nil || change.locale == locale {
            newest[change.textKey] = change
        }
        let ordered = newest.values.sorted { ($0.revision, $0.textKey) < ($1.revision, $1.textKey) }
        return CatalogChanges(fromRevision: since, toRevision: currentRevision, changes: ordered)
    }
}

/// Why the delta feed cannot answer.
public enum FeedError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `since` is negative or newer than the current revision.
    case sinceOutOfRange(Int, current: Int)
    /// History before `floor` was compacted: fetch the whole catalog instead.
    case resyncRequired(since: Int, floor: Int)

    public var description: String {
        switch self {
        case .sinceOutOfRange(let since, let current):
            "since must be between 0 and the current revision \(current), not \(since)"
        case .resyncRequired(let since, let floor):
            "changes since revision \(since) are no longer kept (history starts after revision \(floor)); fetch the whole catalog"
        }
    }
}
