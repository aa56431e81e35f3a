import ErrataCore
import ErrataStore
import Foundation
import Testing

/// The store keeps the source language a catalog was imported with, instead of assuming English.
@Suite struct SourceLocaleTests {
    static let german = LanguageTag(rawValue: "de")!
    static let entry = EntryKey(code: ErrorCode("NoSuchKey"))

    static func key(_ locale: LanguageTag, _ field: TextField) -> TextKey {
        TextKey(entry: entry, locale: locale, field: field)
    }

    /// One entry, written in German and translated into English.
    static func germanCatalog() throws -> Catalog {
        let seed = try LocalizationsDirectory(url: StoreFixture.localizations).load()
        let catalog = Catalog(
            sourceLocale: german,
            locales: [LocaleInfo(tag: german, name: "Deutsch"), LocaleInfo(tag: .english, name: "English")],
            entries: [try #require(seed.entries.first { $0.key == entry })],
            texts: [
                key(german, .message): "Der Schlüssel existiert nicht.",
                key(german, .remediation): "Prüfen Sie den Schlüssel.",
                key(.english, .message): "The key does not exist.",
                key(.english, .remediation): "Check the key.",
            ]
        )
        #expect(CatalogValidator.problems(in: catalog).isEmpty)
        return catalog
    }

    @Test func anImportedSourceLanguageIsServedAndDrivesReviews() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("errata.sqlite").path
        let imported = try Self.germanCatalog()
        try await CatalogStore(path: path, logger: StoreFixture.logger).importInitialCatalog(imported, note: "de")
        let store = try CatalogStore(path: path, logger: StoreFixture.logger)

        let published = try #require(try await store.publishedCatalog())
        #expect(published.catalog == imported)
        // A locale outside the catalog falls back to German, not English.
        let snapshot = CatalogSnapshot(catalog: published.catalog, revision: published.revision)
        let negotiation = snapshot.negotiator.negotiate(explicit: "fr", acceptLanguage: nil)
        #expect(negotiation == LocaleNegotiation(locale: Self.german, fallback: true))
        let entry = try snapshot.entry(code: Self.entry.code, variant: nil)
        #expect(try snapshot.describe(entry, negotiation: negotiation).message == "Der Schlüssel existiert nicht.")

        // Editing English is editing a translation: nothing to review.
        let english = Self.key(.english, .message)
        _ = try await store.setText(english, text: "No such key.", expectedVersion: 1, author: nil, publishNote: "en")
        #expect(try await store.publishedCatalog()?.catalog.needsReview == [])
        // Editing German, the source, marks the English translation.
        let source = Self.key(Self.german, .message)
        _ = try await store.setText(source, text: "Diesen Schlüssel gibt es nicht.", expectedVersion: 1, author: nil, publishNote: "de")
        #expect(try await store.publishedCatalog()?.catalog.needsReview == [english])
    }
}
