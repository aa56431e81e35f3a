package import ErrataCore
package import ErrataStore
package import HTTPTypes
package import Logging
package import Foundation

/// Everything an admin does to the catalog, with typed inputs, answers and errors.
///
/// The JSON-RPC `admin.*` methods (``AdminMethods``) and the REST routes under `/v1/admin`
/// (`AdminController`) are thin adapters over it: each turns its protocol's request into these
/// calls and the errors thrown here into its own answer (`JSONRPCErrorObject+Domain.swift`,
/// `Problem+Domain.swift`). Every operation first needs an ``Editor`` from ``authenticate(for:headers:peer:logger:)``.
///
/// The edit path, from a `PUT` to readers:
///
/// ```
/// adapter ─ authenticate ─ parse input ─▶ EditService ─▶ CatalogStore (one SQLite transaction)
///                                              │ on publish, once committed
///                                              ▼
///                              LiveCatalog.refresh ─▶ ServedCatalog (next revision, swapped in)
/// ```
package struct EditService: Sendable {
    package let store: CatalogStore
    package let live: LiveCatalog
    let access: AccessControl
    let metrics: ServerMetrics
    /// The primary of a follower, which refuses every admin call; `nil` on a primary.
    let primary: URL?

    /// - Parameters:
    ///   - metrics: Where publishes and catalog builds are counted and timed.
    ///   - primary: The primary this server follows (`serve --follow`): every admin call is then refused, naming it.
    package init(store: CatalogStore, live: LiveCatalog, access: AccessControl, metrics: ServerMetrics = ServerMetrics(), primary: URL? = nil) {
        self.store = store
        self.live = live
        self.access = access
        self.metrics = metrics
        self.primary = primary
    }

    /// Serves `revision`, just committed by a request that began at `start`, and records the publish.
    private func serve(published revision: Int, requestedAt start: ContinuousClock.Instant) async {
        let building = ContinuousClock.now
        await live.refresh(toServe: revision, from: store)
        metrics.recordCatalogBuild(duration: .now - building)
        metrics.recordPublish(duration: .now - start)
    }

    /// Authenticates the caller of `operation` by its bearer token; the first step of every admin request.
    ///
    /// `logger` is the request's: the editor logs its audit lines through it.
    ///
    /// - Throws: ``FollowerRefusal`` on a follower, whatever the token; ``AccessError`` (no or unknown
    ///   token, too small a scope, throttled), or a database error when tokens had to be read and could not be.
    package func authenticate(for operation: AdminOperation, headers: HTTPFields, peer: String, logger: Logger) async throws -> Editor {
        if let primary { throw FollowerRefusal(primary: primary) }
        return Editor(token: try await access.authenticate(operation.scope, headers: headers, peer: peer), logger: logger)
    }

    /// Who the editor is: the token's name, scope and what the scope allows.
    package func session(of editor: Editor) throws -> SessionAnswer {
        try editor.require(.identify)
        return SessionAnswer(editor.token)
    }

    // MARK: - Texts

    /// A text with its version, to edit it.
    ///
    /// - Throws: ``AccessError``, `EditError` (unknown code, variant or locale).
    package func text(_ key: TextKey, by editor: Editor) async throws -> TextAnswer {
        try editor.require(.readText)
        return TextAnswer(try await store.text(key))
    }

    /// What `setText(_:to:expected:publish:note:by:)` would find wrong with `text`, by the same
    /// check, without saving anything: cheap enough to ask as an admin types.
    ///
    /// - Throws: ``AccessError``, `EditError` (unknown code, variant or locale).
    package func validate(_ key: TextKey, text: String, by editor: Editor) async throws -> TextVerdict {
        try editor.require(.validateText)
        let warnings = TextWarningAnswer.warnings(in: text, locale: key.locale, glossary: try await store.glossary())
        let problems = try await store.problems(in: text, for: key)
        // Rendered here, by the one renderer, so the console's preview never needs rules of its own.
        let preview = problems.isEmpty
            ? MessagePattern(text).renderedLeniently(with: try await store.parameterDefaults(of: key.entry), locale: key.locale)
            : nil
        return TextVerdict(problems, warnings: warnings, preview: preview, text: text, field: key.field)
    }

    /// Changes one text in the draft if its version is one `expected` allows; with `publish`,
    /// the whole draft is published at once under `note` (or a note naming the text). The answer
    /// carries the text's glossary warnings: they never refuse an edit.
    ///
    /// - Throws: ``AccessError``, `EditError` (unknown text, invalid text, conflict).
    package func setText(
        _ key: TextKey, to text: String, expected: VersionPrecondition, publish: Bool, note: String?, by editor: Editor
    ) async throws -> TextEditAnswer {
        try editor.require(publish ? .editAndPublishText : .editText)
        let publishNote = publish ? note ?? "Edited \(key.stringKey) (\(key.locale))" : nil
        let start = ContinuousClock.now
        let outcome = try await store.setText(key, text: text, expected: expected, author: editor.name, publishNote: publishNote)
        if let published = outcome.published {
            await serve(published: published, requestedAt: start)
            editor.audit("Published", revision: published, note: publishNote)
        }
        let warnings = TextWarningAnswer.warnings(in: text, locale: key.locale, glossary: try await store.glossary())
        return TextEditAnswer(outcome, warnings: warnings)
    }

    /// Sets a text's review state in the draft if its version is one `expected` allows.
    ///
    /// - Throws: ``AccessError``, `EditError` (unknown text, text not written yet, conflict).
    package func setReviewState(_ key: TextKey, to state: TranslationState, expected: VersionPrecondition, by editor: Editor) async throws -> TextAnswer {
        try editor.require(.reviewText)
        return TextAnswer(try await store.setReviewState(key, to: state, expected: expected, author: editor.name))
    }

    /// Every entry with its texts, review states and versions in every locale, and per-locale completeness.
    package func overview(by editor: Editor) async throws -> OverviewAnswer {
        try editor.require(.readOverview)
        return OverviewAnswer(try await store.overview())
    }

    // MARK: - The draft

    /// The pending edits: what a publish would change.
    package func draft(by editor: Editor) async throws -> DraftListing {
        try editor.require(.readDraft)
        return DraftListing(try await store.draft(), glossary: try await store.glossary())
    }

    /// Drops every pending edit, or only the pending edit of `text` (with the review marks it caused).
    package func discardDraft(of text: TextKey? = nil, by editor: Editor) async throws -> DiscardAnswer {
        try editor.require(.discardDraft)
        guard let text else { return DiscardAnswer(discarded: try await store.discardDraft()) }
        return DiscardAnswer(discarded: try await store.discardDraft(of: text))
    }

    // MARK: - Revisions

    /// Publishes the draft as the next catalog revision.
    ///
    /// - Throws: ``AccessError``, `EditError` (empty draft).
    package func publish(note: String, by editor: Editor) async throws -> RevisionAnswer {
        try editor.require(.publish)
        let start = ContinuousClock.now
        let revision = try await store.publish(note: note, author: editor.name)
        await serve(published: revision, requestedAt: start)
        editor.audit("Published", revision: revision, note: note)
        return RevisionAnswer(revision: revision)
    }

    /// Publishes a revision whose texts equal those of `revision`.
    ///
    /// - Throws: ``AccessError``, `EditError` (draft pending, revision unavailable).
    package func revert(to revision: Int, note: String, by editor: Editor) async throws -> RevisionAnswer {
        try editor.require(.revert)
        let start = ContinuousClock.now
        let published = try await store.revert(to: revision, note: note, author: editor.name)
        await serve(published: published, requestedAt: start)
        editor.audit("Reverted", revision: published, note: note, ["reverted_to": .stringConvertible(revision)])
        return RevisionAnswer(revision: published)
    }

    /// Published text changes, newest first, filtered and paged as
    /// `CatalogStore/history(code:locale:author:reviewChanges:limit:before:)` describes.
    package func history(_ query: HistoryQuery, by editor: Editor) async throws -> HistoryListing {
        try editor.require(.readHistory)
        return HistoryListing(
            try await store.history(
                code: query.code, locale: query.locale, author: query.author, reviewChanges: query.reviewChanges, limit: query.limit, before: query.before
            )
        )
    }

    /// Adds a locale, published at once as the next revision.
    ///
    /// - Throws: ``AccessError``, `EditError` (the locale exists).
    package func addLocale(_ tag: LanguageTag, name: String, by editor: Editor) async throws -> RevisionAnswer {
        try editor.require(.addLocale)
        let start = ContinuousClock.now
        let published = try await store.addLocale(tag, name: name, author: editor.name)
        await serve(published: published, requestedAt: start)
        editor.audit("Added locale", revision: published, note: nil, ["locale": .string(tag.description)])
        return RevisionAnswer(revision: published)
    }
}
