import ErrataCore
import ErrataStore
import Foundation
import Testing

/// Review marking, dry-run validation and the editors' overview, in the store.
@Suite struct ReviewMarkingTests {
    typealias Fixture = StoreFixture

    static let english = Fixture.key("AccessDenied")
    static let hans = Fixture.key("AccessDenied", "zh-Hans")

    @Test func reviewStateChangesAreVersionCheckedDraftEditsAndPublishedWithTheDraft() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let store = fixture.store
        _ = try await store.setText(Self.english, text: "You lack permission for this.", expectedVersion: 1, author: "erin", publishNote: "reword")
        let flagged = try await store.text(Self.hans)
        #expect(flagged.state == .needsReview && !flagged.pending)

        // Setting the state a text is in changes nothing.
        #expect(try await store.setReviewState(Self.hans, to: .needsReview, expected: .version(flagged.number), author: "erin") == flagged)
        #expect(try await store.draft().isEmpty)

        let reviewed = try await store.setReviewState(Self.hans, to: .translated, expected: .version(flagged.number), author: "erin")
        #expect(reviewed.text == flagged.text && reviewed.state == .translated && reviewed.pending && DraftVersion.isDraft(reviewed.number))
        await #expect(throws: EditError.self) {
            try await store.setReviewState(Self.hans, to: .needsReview, expected: .version(flagged.number), author: "erin")
        }
        #expect(try await store.draft().map(\.author) == ["erin"])

        let revision = try await store.publish(note: "reviewed", author: "pat")
        #expect(try await store.publishedCatalog()?.catalog.needsReview == Set(Fixture.translations(of: "AccessDenied")).subtracting([Self.hans]))
        let marks = try await store.history(code: ErrorCode("AccessDenied"), locale: LanguageTag(rawValue: "zh-Hans"), reviewChanges: true)
        #expect(marks.first?.revision == revision && marks.first?.state == .translated && marks.first?.author == "pat")
        #expect(marks.first?.oldText == flagged.text && marks.first?.newText == flagged.text)
    }

    @Test func theDryRunFindsWhatTheEditRefuses() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let store = fixture.store
        let key = Fixture.key("EntityTooLarge", "zh-Hans")
        for text in ["太大了。", "", " 最大 {maxObjectSize}", "最大 {maxObjectSize}。"] {
            let problems = try await store.problems(in: text, for: key)
            do {
                _ = try await store.setText(key, text: text, expected: .anyExisting, author: nil)
                #expect(problems.isEmpty, "\(text)")
            } catch let error as EditError {
                #expect(error.kind == .invalidText(problems), "\(text)")
            }
        }
        #expect(try await store.draft().count == 1, "the dry runs wrote nothing")
    }

    @Test func theOverviewHoldsTheDraftTextWherePendingElseThePublished() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let store = fixture.store
        let edited = try await store.setText(Self.english, text: "You lack permission for this.", expectedVersion: 1, author: nil).version
        let overview = try await store.overview()
        #expect(overview.revision == 1 && overview.sourceLocale == .english)
        #expect(overview.locales.map(\.tag.rawValue) == ["en"] + Fixture.translationLocales)
        #expect(overview.entries.count == fixture.seed.entries.count)
        let accessDenied = try #require(overview.entries.first { $0.entry.code == ErrorCode("AccessDenied") })
        #expect(accessDenied.texts[.english]?[.remediation] == edited)
        #expect(accessDenied.texts[.english]?[.message] == (try await store.text(Fixture.key("AccessDenied", "en", .message))))
        #expect(accessDenied.texts[Self.hans.locale]?[.remediation]?.state == .needsReview)
    }
}
