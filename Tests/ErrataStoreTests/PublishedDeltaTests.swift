import ErrataCore
import ErrataStore
import Foundation
import Testing

/// `publishedDelta(after:)` is what a running server applies after a publish, so it must say
/// exactly what a full read would: the changed texts, the review states and the locales.
@Suite struct PublishedDeltaTests {
    typealias Fixture = StoreFixture

    @Test func aDeltaHoldsTheChangesReviewStatesAndLocalesSinceARevision() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let english = Fixture.key("AccessDenied")
        _ = try await fixture.store.setText(english, text: "Access is denied.", expectedVersion: 1, author: nil, publishNote: "en")
        let chinese = Fixture.key("NoSuchKey", "zh-Hans")
        let revision = try await fixture.store.text(chinese).number
        _ = try await fixture.store.setText(chinese, text: "键不存在。", expectedVersion: revision, author: nil, publishNote: "zh")

        let delta = try #require(try await fixture.store.publishedDelta(after: 1))
        #expect(delta.revision == 3)
        // The English edit marked its translations for review: a change of their state alone.
        let flagged = Fixture.translations(of: "AccessDenied")
        #expect(delta.changes.map(\.textKey) == [english] + flagged + [chinese])
        #expect(delta.changes.map(\.revision) == [2] + flagged.map { _ in 2 } + [3])
        #expect(delta.changes.map(\.state) == [.translated] + flagged.map { _ in .needsReview } + [.translated])
        #expect(delta.changes.map(\.text) == ["Access is denied."] + flagged.map { fixture.seed[$0]! } + ["键不存在。"])
        let published = try #require(try await fixture.store.publishedCatalog())
        #expect(published.catalog.needsReview == Set(flagged))
        #expect(delta.locales == published.catalog.locales)
        #expect(delta.historyFloor == published.historyFloor)
        #expect(try await fixture.store.publishedDelta(after: 3)?.changes.isEmpty == true)
        #expect(try await fixture.store.publishedDelta(after: 2)?.changes.map(\.textKey) == [chinese])
    }
}
