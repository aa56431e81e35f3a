import ErrataCore
import ErrataStore
import Foundation
import Testing

@Suite struct EditingTests {
    typealias Fixture = StoreFixture

    @Test func ofTwoEditsFromTheSameReadExactlyOneLands() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let key = Fixture.key("NoSuchKey")
        let read = try await fixture.store.text(key)
        #expect(read.number == 1 && !read.pending)

        let first = try await fixture.store.setText(key, text: "First edit.", expectedVersion: read.number, author: "alice")
        #expect(first.version.pending && DraftVersion.isDraft(first.version.number))
        do {
            _ = try await fixture.store.setText(key, text: "Second edit.", expectedVersion: read.number, author: "bob")
            Issue.record("the second edit should conflict")
        } catch let error as EditError {
            #expect(error.conflictingVersion == first.version)
        }
        // An edit based on the draft lands.
        let third = try await fixture.store.setText(key, text: "Third edit.", expectedVersion: first.version.number, author: "bob")
        #expect(third.version.number > first.version.number)
        #expect(try await fixture.store.text(key).text == "Third edit.")
    }

    @Test func publishTurnsTheDraftIntoTheNextRevision() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let key = Fixture.key("SlowDown", "zh-Hans")
        let edit = try await fixture.store.setText(key, text: "请降低请求速率。", expectedVersion: 1, author: "alice")
        #expect(try await fixture.store.draft().map(\.key) == [key])
        #expect(try await fixture.store.publishedCatalog()?.catalog[key] != "请降低请求速率。")  // readers see only published texts

        #expect(try await fixture.store.publish(note: "zh wording", author: "alice") == 2)
        let published = try #require(try await fixture.store.publishedCatalog())
        #expect(published.revision == 2 && published.catalog[key] == "请降低请求速率。")
        #expect(try await fixture.store.draft().isEmpty)
        let now = try await fixture.store.text(key)
        #expect(now.number == 2 && !now.pending)
        // The draft revision of the published edit is stale now: it can never match a published revision.
        await #expect(throws: EditError.self) {
            try await fixture.store.setText(key, text: "x", expectedVersion: edit.version.number, author: nil)
        }
        await #expect(throws: EditError.self) { try await fixture.store.publish(note: "nothing", author: nil) }
    }

    @Test func editingEnglishMarksTranslationsForReview() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        _ = try await fixture.store.setText(Fixture.key("AccessDenied"), text: "You lack permission for this.", expectedVersion: 1, author: nil, publishNote: "reword")
        let published = try #require(try await fixture.store.publishedCatalog())
        #expect(published.catalog.needsReview == Set(Fixture.translations(of: "AccessDenied")))
        #expect(try await fixture.store.text(Fixture.key("AccessDenied", "zh-Hant")).state == .needsReview)
        // Fixing the translation clears it.
        let current = try await fixture.store.text(Fixture.key("AccessDenied", "zh-Hant"))
        _ = try await fixture.store.setText(Fixture.key("AccessDenied", "zh-Hant"), text: "您沒有執行此操作的權限。", expectedVersion: current.number, author: nil, publishNote: "review")
        #expect(try await fixture.store.publishedCatalog()?.catalog.needsReview == Set(Fixture.translations(of: "AccessDenied")).subtracting([Fixture.key("AccessDenied", "zh-Hant")]))
    }

    @Test func validatesTexts() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        func refuses(_ key: TextKey, _ text: String) async {
            await #expect(throws: EditError.self) { try await fixture.store.setText(key, text: text, expectedVersion: 1, author: nil) }
        }
        await refuses(Fixture.key("EntityTooLarge", "zh-Hans"), "超过大小限制。")  // drops {maxObjectSize}
        await refuses(Fixture.key("EntityTooLarge"), "Over {unknownLimit}.")  // undeclared placeholder
        await refuses(Fixture.key("NoSuchKey"), " padded ")
        await refuses(Fixture.key("NoSuchKey"), "")
        await refuses(Fixture.key("NoSuchKey"), "bell\u{7}")
        await refuses(Fixture.key("NoSuchKey"), String(repeating: "x", count: TextRules.maximumLength + 1))
        await refuses(Fixture.key("NoSuchThing"), "Unknown code.")
        await refuses(Fixture.key("BucketNotEmpty", variant: "nope"), "Unknown variant.")
        await refuses(Fixture.key("BucketNotEmpty"), "A variant is needed.")
        await refuses(Fixture.key("NoSuchKey", "fr"), "Locale not in the catalog.")
        #expect(try await fixture.store.draft().isEmpty)
    }

    @Test func revertPublishesTheOldTextsAsANewRevision() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let key = Fixture.key("NoSuchKey")
        _ = try await fixture.store.setText(key, text: "Version two.", expectedVersion: 1, author: "alice", publishNote: "two")
        _ = try await fixture.store.setText(key, text: "Version three.", expectedVersion: 2, author: "alice", publishNote: "three")
        #expect(try await fixture.store.revert(to: 2, note: "back to two", author: "bob") == 4)
        #expect(try await fixture.store.publishedCatalog()?.catalog[key] == "Version two.")
        #expect(try await fixture.store.revert(to: 1, note: "back to the seed", author: "bob") == 5)
        #expect(try await fixture.store.publishedCatalog()?.catalog == fixture.seed)

        let history = try await fixture.store.history(code: ErrorCode("NoSuchKey"), locale: .english).filter { $0.field == .remediation }
        #expect(history.map(\.revision) == [5, 4, 3, 2, 1])
        #expect(history[0].note == "back to the seed" && history[0].author == "bob")
        #expect(history[0].oldText == "Version two." && history[0].newText == fixture.seed[key])
        #expect(try await fixture.store.history(limit: 2, before: 4).map(\.revision) == [3, 2])
        // A page never ends inside a revision: the seed import (revision 1) comes whole.
        let seedPage = try await fixture.store.history(limit: 1, before: 2)
        #expect(seedPage.count == fixture.seed.texts.count && seedPage.allSatisfy { $0.revision == 1 })

        _ = try await fixture.store.setText(key, text: "Pending.", expectedVersion: 5, author: nil)
        await #expect(throws: EditError.self) { try await fixture.store.revert(to: 1, note: "x", author: nil) }
        await #expect(throws: EditError.self) { try await fixture.store.revert(to: 99, note: "x", author: nil) }
    }

    @Test func addsLocalesAsANewRevision() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let french = LanguageTag(rawValue: "fr")!
        #expect(try await fixture.store.addLocale(french, name: "Français", author: "admin") == 2)
        await #expect(throws: EditError.self) { try await fixture.store.addLocale(french, name: "Français", author: nil) }
        let key = Fixture.key("NoSuchKey", "fr", .message)
        #expect(try await fixture.store.text(key).number == 0)
        _ = try await fixture.store.setText(key, text: "L'objet demandé n'existe pas.", expectedVersion: 0, author: nil, publishNote: "fr")
        let published = try #require(try await fixture.store.publishedCatalog())
        #expect(published.catalog.locales.last == LocaleInfo(tag: french, name: "Français"))
        #expect(published.catalog[key] == "L'objet demandé n'existe pas.")
    }

    @Test func compactionKeepsEveryRetainedRevisionRebuildable() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let key = Fixture.key("NoSuchKey")
        for number in 2...5 {
            _ = try await fixture.store.setText(key, text: "Version \(number).", expectedVersion: number - 1, author: nil, publishNote: "v\(number)")
        }
        let outcome = try await fixture.store.compactHistory(keep: 2)
        // Superseded: two changes of the English text and, in each translation, the import row
        // that revision 2 superseded by marking it for review.
        #expect(outcome.compactedThrough == 3 && outcome.removed == 2 + Fixture.translationLocales.count)
        let published = try #require(try await fixture.store.publishedCatalog())
        #expect(published.historyFloor == 3)
        #expect(published.textRevisions == [TextRevision(key: key, revision: 5)])
        #expect(try await fixture.store.revert(to: 3, note: "to 3", author: nil) == 6)
        #expect(try await fixture.store.publishedCatalog()?.catalog[key] == "Version 3.")
        await #expect(throws: EditError.self) { try await fixture.store.revert(to: 2, note: "too old", author: nil) }
    }

    @Test func importStagesChangedTextsAndReportsLiveEdits() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        var files = fixture.seed
        files.texts[Fixture.key("NoSuchKey")] = "Edited in the files."
        files.texts[Fixture.key("SlowDown")] = "Also edited in the files."
        // Meanwhile SlowDown was edited live and published.
        _ = try await fixture.store.setText(Fixture.key("SlowDown"), text: "Edited live.", expectedVersion: 1, author: nil, publishNote: "live")
        let report = try await fixture.store.importDraft(files, baseRevision: 1, author: "import")
        #expect(report.staged == [Fixture.key("NoSuchKey")])
        #expect(report.conflicts.map(\.key) == [Fixture.key("SlowDown")])
        #expect(try await fixture.store.publishedCatalog()?.catalog[Fixture.key("SlowDown")] == "Edited live.")
        #expect(try await fixture.store.draft().map(\.text) == ["Edited in the files."])
    }

    @Test func exportRoundTripsThroughTheFiles() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        _ = try await fixture.store.setText(Fixture.key("NoSuchKey"), text: "Exported edit.", expectedVersion: 1, author: nil, publishNote: "e")
        let published = try #require(try await fixture.store.publishedCatalog())
        let directory = LocalizationsDirectory(url: fixture.directory.appendingPathComponent("export"))
        try directory.write(published.catalog, revision: published.revision)
        let loaded = try directory.loadWithRevision()
        #expect(loaded.catalog == published.catalog)
        #expect(loaded.revision == 2)
        #expect(!loaded.catalog.needsReview.isEmpty)  // the English edit left translations to review
        let report = try await fixture.store.importDraft(loaded.catalog, baseRevision: loaded.revision, author: "import")
        #expect(report.staged.isEmpty && report.conflicts.isEmpty)
    }
}
