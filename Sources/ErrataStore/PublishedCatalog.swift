package import ErrataCore
package import Foundation

/// A catalog as published at one revision, with what the delta feed needs to know of its history.
package struct PublishedCatalog: Sendable {
    package var catalog: Catalog
    package var revision: Int
    /// The delta feed starts after this revision: before it, history was compacted or lacks review states.
    package var historyFloor: Int
    /// The revision that last changed each text's value or review state, for the texts changed after `historyFloor`.
    ///
    /// The delta feed answers the newest value and state of each text changed since N, which are the
    /// text's current ones: so this, not every historical change, is all it needs.
    package var textRevisions: [TextRevision]

    package init(catalog: Catalog, revision: Int, historyFloor: Int = 0, textRevisions: [TextRevision] = []) {
        self.catalog = catalog
        self.revision = revision
        self.historyFloor = historyFloor
        self.textRevisions = textRevisions
    }
}

/// The published revision that last changed a text.
package struct TextRevision: Hashable, Sendable {
    package var key: TextKey
    package var revision: Int

    /// The revision `revision` last changed the text `key`.
    package init(key: TextKey, revision: Int) {
        self.key = key
        self.revision = revision
    }
}

/// A published revision's number, time, note and author.
package struct RevisionInfo: Hashable, Codable, Sendable {
    package var number: Int
    package var createdAt: Date
    package var note: String
    /// The name of the token that published it; `nil` for imports.
    package var author: String?
}
