import ErrataCore
import ErrataStore
import Foundation
import Testing

/// A follower's database records the primary's revisions as the primary published them.
@Suite struct FollowingTests {
    typealias Fixture = StoreFixture

    /// An empty store in its own temporary directory, as a follower starts.
    static func emptyStore() throws -> (CatalogStore, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-follower-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (try CatalogStore(path: directory.appendingPathComponent("errata.sqlite").path, logger: Fixture.logger), directory)
    }

    /// What the primary's delta feed answers a follower at `revision`, made from the store's delta.
    static func feed(of primary: CatalogStore, after revision: Int) async throws -> CatalogChanges {
        let delta = try #require(try await primary.publishedDelta(after: revision))
        return CatalogChanges(fromRevision: revision, toRevision: delta.revision, changes: delta.changes, locales: delta.locales)
    }

    @Test func recordedRevisionsEqualThePrimarysTextsStatesLocalesAndNumbers() async throws {
        let primary = try await Fixture()
        defer { primary.remove() }
        let (follower, directory) = try Self.emptyStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try #require(try await primary.store.publishedCatalog())
        try await follower.replaceWithPublished(first.catalog, revision: first.revision, source: "http://primary")

        // An English edit (its translations marked for review), a locale added, a review state alone.
        let english = Fixture.key("AccessDenied")
        _ = try await primary.store.setText(english, text: "Access is denied.", expectedVersion: 1, author: "ana", publishNote: "en")
        _ = try await primary.store.addLocale(LanguageTag(rawValue: "de")!, name: "Deutsch", author: "ana")
        let chinese = Fixture.key("AccessDenied", "zh-Hans")
        _ = try await primary.store.setReviewState(chinese, to: .translated, expected: .version(try await primary.store.text(chinese).number), author: "ana")
        _ = try await primary.store.publish(note: "reviewed", author: "ana")

        try await follower.recordPublished(try await Self.feed(of: primary.store, after: 1), source: "http://primary")
        let expected = try #require(try await primary.store.publishedCatalog())
        let recorded = try #require(try await follower.publishedCatalog())
        #expect(recorded.catalog == expected.catalog)
        #expect(recorded.revision == expected.revision)
        #expect(try await follower.revisions().map(\.number) == [4, 3, 2, 1])
        #expect(try await follower.revisions().first?.note == "Followed from http://primary")
        // Its own feed answers what the primary's does.
        #expect(try await Self.feed(of: follower, after: 1).changes == Self.feed(of: primary.store, after: 1).changes)
        #expect(try await follower.text(english).number == 2)
    }

    @Test func aDeltaThatDoesNotContinueTheStoredRevisionIsRefusedAndChangesNothing() async throws {
        let primary = try await Fixture()
        defer { primary.remove() }
        let (follower, directory) = try Self.emptyStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try await primary.store.setText(Fixture.key("NoSuchKey"), text: "Two.", expectedVersion: 1, author: nil, publishNote: "2")
        let feed = try await Self.feed(of: primary.store, after: 1)
        await #expect(throws: FollowError.notContinuing(from: 1, stored: nil)) {
            try await follower.recordPublished(feed, source: "http://primary")
        }
        let first = try #require(try await primary.store.publishedCatalog())
        try await follower.replaceWithPublished(first.catalog, revision: 2, source: "http://primary")
        await #expect(throws: FollowError.notContinuing(from: 1, stored: 2)) {
            try await follower.recordPublished(feed, source: "http://primary")
        }
        #expect(try await follower.revisions().map(\.number) == [2])
    }
}
