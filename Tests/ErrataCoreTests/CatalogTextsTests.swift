@testable import ErrataCore
import Foundation
import Testing

/// Applied changes live in overrides until they are folded into a new base; either way a snapshot
/// must show exactly the texts a full rebuild shows.
@Suite struct CatalogTextsTests {
    @Test func overridesWinAndFoldIntoTheBaseWhenTheyGrow() throws {
        let seed = try LocalizationsDirectory(url: RepositoryFiles.localizations).load()
        var texts = CatalogTexts(seed)
        var expected = seed
        // More distinct texts than the seed has, so that the overrides outgrow the threshold.
        let keys = seed.texts.keys.sorted() + (0..<1_500).map {
            TextKey(entry: EntryKey(code: ErrorCode("Synthetic\($0)")), locale: .english, field: .message)
        }
        var folded = false
        for step in 0..<keys.count {
            let key = keys[step]
            texts.set("Text \(step) of \(key.entry.code).", for: key)
            expected.texts[key] = "Text \(step) of \(key.entry.code)."
            #expect(texts[key] == expected.texts[key])
            if texts.overrides.isEmpty { folded = true }
        }
        #expect(folded, "1,842 changed texts are past the fold threshold")
        #expect(texts.catalog == expected)
    }

    @Test func aSnapshotAppliedManyTimesShowsWhatARebuildShows() throws {
        let seed = try LocalizationsDirectory(url: RepositoryFiles.localizations).load()
        var snapshot = CatalogSnapshot(catalog: seed, revision: 1)
        var expected = seed
        let keys = seed.texts.keys.sorted()
        for step in 0..<1_200 {
            let key = keys[(step * 7) % keys.count]
            let text = step % 5 == 0 ? "" : "Changed {step \(step)}."
            snapshot = snapshot.applying([TextChange(key: key, text: text, revision: step + 2)], revision: step + 2)
            expected.texts[key] = text
        }
        let rebuilt = CatalogSnapshot(catalog: expected, revision: snapshot.revision)
        #expect(snapshot.catalog == expected)
        #expect(snapshot.locales == rebuilt.locales)
        for locale in seed.locales.map(\.tag) {
            let negotiation = LocaleNegotiation(locale: locale, fallback: false)
            #expect(snapshot.describeAll(negotiation: negotiation) == rebuilt.describeAll(negotiation: negotiation))
        }
        for key in keys {
            #expect(snapshot.text(for: key) == expected.texts[key])
        }
    }
}
