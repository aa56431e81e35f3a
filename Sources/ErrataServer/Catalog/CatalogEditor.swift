public import ErrataCore
public import ErrataStore

/// Runs edits against the store and keeps the served catalog in step with every publish.
///
/// The single place where a write that publishes is followed by a refresh, so no route can
/// publish without readers seeing it. A publish is acknowledged once committed, even when the
/// refresh fails: ``CatalogWatcher`` serves it then.
public struct CatalogEditor: Sendable {
    public let store: CatalogStore
    public let live: LiveCatalog

    public init(store: CatalogStore, live: LiveCatalog) {
        self.store = store
        self.live = live
    }

    /// Changes one text in the draft, publishing at once when `publishNote` is given.
    public func setText(_ key: TextKey, text: String, expectedRevision: Int, author: String?, publishNote: String?) async throws -> (version: TextVersion, published: Int?) {
        let outcome = try await store.setText(key, text: text, expectedRevision: expectedRevision, author: author, publishNote: publishNote)
        if let published = outcome.published { await live.refresh(toServe: published, from: store) }
        return outcome
    }

    /// Publishes the draft as the next revision.
    public func publish(note: String, author: String?) async throws -> Int {
        let revision = try await store.publish(note: note, author: author)
        await live.refresh(toServe: revision, from: store)
        return revision
    }

    /// Publishes a revision whose texts equal those of `revision`.
    public func revert(to revision: Int, note: String, author: String?) async throws -> Int {
        let published = try await store.revert(to: revision, note: note, author: author)
        await live.refresh(toServe: published, from: store)
        return published
    }

    /// Adds a locale, published at once.
    public func addLocale(_ tag: LanguageTag, name: String, author: String?) async throws -> Int {
        let published = try await store.addLocale(tag, name: name, author: author)
        await live.refresh(toServe: published, from: store)
        return published
    }
}
