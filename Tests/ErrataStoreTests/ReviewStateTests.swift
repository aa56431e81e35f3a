import ErrataCore
import ErrataStore
import Foundation
import Testing

/// Review states are part of what a revision is: history records them, a revert restores them,
/// and an edit that changes nothing records nothing.
@Suite struct ReviewStateTests {
    typealias Fixture = StoreFixture

    static let english = Fixture.key("AccessDenied")
    static let translations = Set(Fixture.translations(of: "AccessDenied"))

    @Test func revertRestoresTheReviewStatesOfTheTargetRevision() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let store = fixture.store
        _ = try await store.setText(Self.english, text: "You lack permission for this.", expectedVersion: 1, author: nil, publishNote: "reword")
        #expect(try await store.publishedCatalog()?.catalog.needsReview == Self.translations)

        #expect(try await store.revert(to: 1, note: "back", author: nil) == 3)
        #expect(try await store.publishedCatalog()?.catalog == fixture.seed, "values and states as imported")
        for key in Self.translations {
            #expect(try await store.text(key).state == .translated)
        }

        #expect(try await store.revert(to: 2, note: "forward", author: nil) == 4)
        let forward = try #require(try await store.publishedCatalog()).catalog
        #expect(forward.needsReview == Self.translations)
        #expect(forward[Self.english] == "You lack permission for this.")

        // The state-only changes reach the delta, and stay out of the text history.
        let delta = try #require(try await store.publishedDelta(after: 3))
        let stateChanges = delta.changes.filter { Self.translations.contains($0.textKey) }
        #expect(stateChanges.count == Self.translations.count && stateChanges.allSatisfy { $0.state == .needsReview && $0.revision == 4 })
        let translationHistory = try await store.history(code: ErrorCode("AccessDenied"), locale: LanguageTag(rawValue: "zh-Hans"))
        // Only the import: one change per AccessDenied text in zh-Hans.
        let imported = fixture.seed.texts.keys.count { $0.entry == Self.english.entry && $0.locale.rawValue == "zh-Hans" }
        #expect(translationHistory.map(\.revision) == Array(repeating: 1, count: imported))
    }

    @Test func compactionKeepsTheStatesOfTheRetainedRevisions() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let store = fixture.store
        _ = try await store.setText(Self.english, text: "Reworded once.", expectedVersion: 1, author: nil, publishNote: "2")
        let reviewed = Fixture.key("AccessDenied", "zh-Hans")
        let current = try await store.text(reviewed)
        _ = try await store.setText(reviewed, text: "您无权执行此操作。", expectedVersion: current.number, author: nil, publishNote: "3")
        _ = try await store.setText(Fixture.key("NoSuchKey"), text: "Unrelated.", expectedVersion: 1, author: nil, publishNote: "4")
        _ = try await store.compactHistory(keep: 1)

        #expect(try await store.revert(to: 3, note: "to 3", author: nil) == 5)
        #expect(try await store.publishedCatalog()?.catalog.needsReview == Self.translations.subtracting([reviewed]))
    }

    // MARK: - Unchanged edits

    @Test func settingATextToItsCurrentValueChangesNothing() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let store = fixture.store
        let current = try await store.text(Self.english)
        let outcome = try await store.setText(Self.english, text: current.text, expectedVersion: current.number, author: nil, publishNote: "nothing")
        #expect(outcome.version == current)
        #expect(outcome.published == nil)
        #expect(try await store.draft().isEmpty, "nothing staged, no translation marked")
        #expect(try await store.currentRevision() == 1, "no empty revision")

        // The same holds for a pending edit set again.
        let edit = try await store.setText(Self.english, text: "Pending.", expectedVersion: current.number, author: nil)
        let pending = try await store.draft()
        let again = try await store.setText(Self.english, text: "Pending.", expectedVersion: edit.version.number, author: nil)
        #expect(again.version == edit.version && again.published == nil)
        #expect(try await store.draft() == pending)

        // Set again with a publish: nothing new is staged, and the pending draft is published.
        let published = try await store.setText(Self.english, text: "Pending.", expectedVersion: edit.version.number, author: nil, publishNote: "now")
        #expect(published.published == 2 && published.version.number == 2 && !published.version.pending)
        #expect(try await store.draft().isEmpty)
    }

    @Test func settingATextAwaitingReviewToItsValueConfirmsIt() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let store = fixture.store
        _ = try await store.setText(Self.english, text: "Reworded.", expectedVersion: 1, author: nil, publishNote: "reword")
        let key = Fixture.key("AccessDenied", "zh-Hant")
        let flagged = try await store.text(key)
        #expect(flagged.state == .needsReview)
        let confirmed = try await store.setText(key, text: flagged.text, expectedVersion: flagged.number, author: nil, publishNote: "reviewed")
        #expect(confirmed.published == 3)
        #expect(confirmed.version.state == .translated && confirmed.version.text == flagged.text)
        #expect(try await store.publishedCatalog()?.catalog.needsReview == Self.translations.subtracting([key]))
    }
}
