public import ErrataCore
public import Foundation

/// A catalog as published at one revision, with what the delta feed needs to know of its history.
public struct PublishedCatalog: Sendable {
    public var catalog: Catalog
    public var revision: Int
    /// The delta feed starts after this revision: before it, history was compacted or lacks review states.
    public var historyFloor: Int
    /// The revision that last changed each text's value or review state, for the texts changed after `historyFloor`.
    ///
    /// The delta feed answers the newest value and state of each text changed since N, which are the
    /// text's current ones: so this, not every historical change, is all it needs.
    public var textRevisions: [TextRevision]

    public init(catalog: Catalog, revision: Int, historyFloor: Int = 0, textRevisions: [TextRevision] = []) {
        self.catalog = catalog
        self.revision = revision
        self.historyFloor = historyFloor
        self.textRevisions = textRevisions
    }
}

/// The published revision that last changed a text.
public struct TextRevision: Hashable, Sendable {
    public var key: TextKey
    public var revision: Int

    /// The revision `revision` last changed the text `key`.
    public init(key: TextKey, revision: Int) {
        self.key = key
        self.revision = revision
    }
}

/// A published revision's number, time, note and author.
public struct RevisionInfo: Hashable, Codable, Sendable {
    public var number: Int
    public var createdAt: Date
    public var note: String
    /// The name of the token that published it; `nil` for imports.
    public var author: String?
}
