package import ErrataCore
package import ErrataStore

/// The delta feed of one published revision: which texts changed in which revision, answering "what changed since N".
///
/// The feed answers the newest value and review state of each text whose value or state changed since N,
/// and those are the text's value and state in the served catalog; so it keeps only (text, revision)
/// rows and reads the rest from the catalog, locales included.
/// Rows come in segments, oldest first — the ones loaded at start-up, then one per publish — so
/// a publish appends a small segment and shares the rest with the previous revision's feed.
package struct RevisionFeed: Sendable {
    /// The longest a delta-feed request may wait for a publish (`wait`), in seconds.
    package static let maximumWaitSeconds = 30

    /// The revision the feed describes.
    package let currentRevision: Int
    /// History was compacted through this revision; older `since` values need a full resync.
    package let floor: Int
    /// Each segment is sorted by revision and newer than the one before; a text can appear in several.
    private let segments: [[TextRevision]]

    /// - Parameters:
    ///   - currentRevision: The revision the feed brings callers to.
    ///   - floor: The newest revision whose history was compacted away; changes since an older one are not kept.
    ///   - textRevisions: The revision that last changed the value or state of each text changed after `floor`, in any order.
    package init(currentRevision: Int, floor: Int, textRevisions: [TextRevision]) {
        self.init(currentRevision: currentRevision, floor: floor, segments: [textRevisions.sorted { $0.revision < $1.revision }])
    }

    private init(currentRevision: Int, floor: Int, segments: [[TextRevision]]) {
        self.currentRevision = currentRevision
        self.floor = floor
        self.segments = segments.filter { !$0.isEmpty }
    }

    /// The feed after newer revisions were published.
    ///
    /// - Parameters:
    ///   - changes: The changes published after ``currentRevision``, oldest first.
    ///   - revision: The newest revision now.
    ///   - floor: The compaction floor now.
    package func appending(_ changes: [TextChange], revision: Int, floor: Int) -> RevisionFeed {
        RevisionFeed(
            currentRevision: revision, floor: floor,
            segments: segments + [changes.map { TextRevision(key: $0.textKey, revision: $0.revision) }]
        )
    }

    /// The newest value and review state of every text changed after `since`, and the catalog's locales.
    ///
    /// A locale added after `since` is in `locales`; its texts, all written after it was added, are in `changes`.
    ///
    /// - Parameters:
    ///   - since: The revision the caller has.
    ///   - locale: Only changes in this locale, when given (`locales` still lists every locale).
    ///   - snapshot: The catalog at ``currentRevision``.
    /// - Throws: ``FeedError`` when `since` is in the future or older than the retained history.
    package func changes(since: Int, locale: LanguageTag? = nil, in snapshot: CatalogSnapshot) throws(FeedError) -> CatalogChanges {
        guard since >= 0, since <= currentRevision else {
            throw .sinceOutOfRange(since, current: currentRevision)
        }
        guard since >= floor else { throw .resyncRequired(since: since, floor: floor) }
        var newest: [TextKey: Int] = [:]
        for segment in segments where segment[segment.count - 1].revision > since {
            for row in segment[Self.firstIndex(in: segment, after: since)...] where locale == nil || row.key.locale == locale {
                newest[row.key] = max(newest[row.key] ?? 0, row.revision)
            }
        }
        let changes = newest.compactMap { key, revision in
            snapshot.text(for: key).map {
                TextChange(key: key, text: $0, state: snapshot.needsReview(key) ? .needsReview : .translated, revision: revision)
            }
        }
        return CatalogChanges(
            fromRevision: since, toRevision: currentRevision,
            changes: changes.sorted { ($0.revision, $0.textKey) < ($1.revision, $1.textKey) },
            locales: snapshot.locales.map { LocaleInfo(tag: $0.tag, name: $0.name) }
        )
    }

    /// The index of the first row of `segment` newer than `revision` (binary search).
    private static func firstIndex(in segment: [TextRevision], after revision: Int) -> Int {
        var lower = segment.startIndex
        var upper = segment.endIndex
        while lower < upper {
            let middle = (lower + upper) / 2
            if segment[middle].revision <= revision { lower = middle + 1 } else { upper = middle }
        }
        return lower
    }
}

/// Why the delta feed cannot answer.
package enum FeedError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `since` is negative or newer than the current revision.
    case sinceOutOfRange(Int, current: Int)
    /// History before `floor` was compacted: fetch the whole catalog instead.
    case resyncRequired(since: Int, floor: Int)

    package var description: String {
        switch self {
        case .sinceOutOfRange(let since, let current):
            "since must be between 0 and the current revision \(current), not \(since)"
        case .resyncRequired(let since, let floor):
            "changes since revision \(since) are no longer kept (history starts after revision \(floor)); fetch the whole catalog"
        }
    }
}
