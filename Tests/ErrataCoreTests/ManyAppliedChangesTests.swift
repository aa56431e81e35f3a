@testable import ErrataCore
import Foundation
import Testing

/// Applied changes live in an overlay until they are folded into a new base; either way a snapshot
/// must show exactly the texts a full rebuild shows, one change at a time as a server publishes them.
@Suite struct ManyAppliedChangesTests {
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
