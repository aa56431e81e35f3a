import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Testing

/// The delta feed's defining property, over random edit sequences that change texts, review states
/// and locales: the catalog at revision N plus the changes since N equals the catalog now — texts,
/// review states and locales — for every N and locale.
@Suite struct DeltaFeedPropertyTests {
    /// A small deterministic generator (SplitMix64), so a failing seed can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func catalogAtNPlusChangesSinceNIsTheCatalogNow(seed: UInt64) async throws {
        var random = SeededGenerator(state: seed)
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let edits = service.edits
        var catalogs: [Int: Catalog] = [1: service.live.served.snapshot.catalog]
        let entries = service.live.served.snapshot.entries
        var locales = service.live.served.snapshot.catalog.locales.map(\.tag)
        var newLocales = ["fr", "de"].compactMap(LanguageTag.init(rawValue:))

        for step in 0..<12 {
            if Int.random(in: 0..<6, using: &random) == 0, !newLocales.isEmpty {
                let added = newLocales.removeFirst()
                _ = try await edits.addLocale(added, name: added.rawValue, by: TestService.root)
                locales.append(added)
                catalogs[service.live.served.revision] = service.live.served.snapshot.catalog
            }
            // A publish of 1–4 random edits; English edits mark translations for review, a translation
            // edit (sometimes to the text it already has) clears its flag.
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let entry = entries.randomElement(using: &random)!
                guard entry.parameters.isEmpty else { continue }
                var key = TextKey(entry: entry.key, locale: locales.randomElement(using: &random)!, field: TextField.allCases.randomElement(using: &random)!)
                // A developer hint is translated only once its English text exists: write that first.
                if !key.field.isRequired, try await service.store.text(TextKey(entry: key.entry, locale: .english, field: key.field)).number == 0 {
                    key.locale = .english
                }
                let current = try await service.store.text(key)
                let text = current.number > 0 && Bool.random(using: &random) ? current.text : "Edit \(step) of \(key.stringKey)."
                _ = try await service.store.setText(key, text: text, expectedVersion: current.number, author: "property")
            }
            if try await service.store.draft().isEmpty { continue }
            if Int.random(in: 0..<5, using: &random) == 0, let target = catalogs.keys.randomElement(using: &random) {
                try await service.store.discardDraft()
                _ = try await edits.revert(to: target, note: "revert to \(target)", by: TestService.root)
            } else {
                _ = try await edits.publish(note: "step \(step)", by: TestService.root)
            }
            let served = service.live.served
            catalogs[served.revision] = served.snapshot.catalog
        }

        let now = service.live.served
        #expect(now.revision == catalogs.keys.max())
        for (revision, catalog) in catalogs {
            let all = try now.changes(since: revision, locale: nil)
            #expect(all.toRevision == now.revision)
            #expect(Set(all.changes.map(\.textKey)).count == all.changes.count, "a text appears twice")
            #expect(catalog.applying(all) == now.snapshot.catalog, "revision \(revision), all locales")
            #expect(CatalogSnapshot(catalog: catalog, revision: revision).applying(all).catalog == now.snapshot.catalog, "revision \(revision), snapshot")
            for locale in locales {
                let changes = try now.changes(since: revision, locale: locale)
                #expect(changes.changes.allSatisfy { $0.locale == locale })
                let rebuilt = catalog.applying(changes)
                #expect(rebuilt.locales == now.snapshot.catalog.locales, "revision \(revision), \(locale)")
                #expect(rebuilt.texts.filter { $0.key.locale == locale } == now.snapshot.catalog.texts.filter { $0.key.locale == locale }, "revision \(revision), \(locale)")
                #expect(rebuilt.needsReview.filter { $0.locale == locale } == now.snapshot.catalog.needsReview.filter { $0.locale == locale }, "revision \(revision), \(locale)")
            }
        }
        #expect(try now.changes(since: now.revision, locale: nil).changes.isEmpty)

        // What publishing applied incrementally equals a full load of the same revision.
        let reloaded = ServedCatalog(try #require(try await service.store.publishedCatalog()))
        #expect(reloaded.revision == now.revision)
        #expect(reloaded.snapshot.catalog == now.snapshot.catalog)
        #expect(reloaded.snapshot.locales == now.snapshot.locales)
        for locale in locales {
            let negotiation = LocaleNegotiation(locale: locale, fallback: false)
            #expect(reloaded.snapshot.describeAll(negotiation: negotiation) == now.snapshot.describeAll(negotiation: negotiation))
        }
        for revision in catalogs.keys {
            #expect(try reloaded.changes(since: revision, locale: nil) == now.changes(since: revision, locale: nil))
        }
    }

    @Test func sinceOutsideTheHistoryIsRefused() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let served = service.live.served
        #expect(throws: FeedError.sinceOutOfRange(2, current: 1)) { try served.changes(since: 2, locale: nil) }
        #expect(throws: FeedError.sinceOutOfRange(-1, current: 1)) { try served.changes(since: -1, locale: nil) }
        let compacted = RevisionFeed(currentRevision: 9, floor: 5, textRevisions: [])
        #expect(throws: FeedError.resyncRequired(since: 4, floor: 5)) { try compacted.changes(since: 4, in: served.snapshot) }
        #expect(try compacted.changes(since: 5, in: served.snapshot).changes.isEmpty)
    }
}
