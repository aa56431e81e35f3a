import ErrataCore
import ErrataStore
import Foundation
import Logging
import Testing

@Suite struct CatalogStoreTests {
    static let localizations = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Localizations")

    let directory: URL
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var databasePath: String { directory.appendingPathComponent("errata.sqlite").path }

    @Test func importsTheSeedAsRevisionOneAndReadsItBack() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = try LocalizationsDirectory(url: Self.localizations).load()
        let store = try CatalogStore(path: databasePath, logger: logger)
        #expect(try await store.currentRevision() == nil)
        #expect(try await store.publishedCatalog() == nil)
        #expect(try await store.importInitialCatalog(catalog, note: "seed") == 1)
        let published = try #require(try await store.publishedCatalog())
        #expect(published.revision == 1)
        #expect(published.catalog == catalog)
        #expect(published.catalog.entries.count == 125)
        #expect(try await store.revisions().map(\.note) == ["seed"])
    }

    @Test func keepsTheCatalogAcrossReopening() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = try LocalizationsDirectory(url: Self.localizations).load()
        do {
            let store = try CatalogStore(path: databasePath, logger: logger)
            try await store.importInitialCatalog(catalog, note: "seed")
        }
        let reopened = try CatalogStore(path: databasePath, logger: logger)
        #expect(try await reopened.currentRevision() == 1)
        #expect(try await reopened.publishedCatalog()?.catalog == catalog)
        await #expect(throws: StoreError.self) { try await reopened.importInitialCatalog(catalog, note: "again") }
        #expect(try await reopened.revisions().count == 1)
    }

    @Test func refusesAnInvalidCatalogAndWritesNothing() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        var catalog = try LocalizationsDirectory(url: Self.localizations).load()
        catalog.texts.removeValue(forKey: try #require(catalog.texts.keys.first))
        let store = try CatalogStore(path: databasePath, logger: logger)
        await #expect(throws: StoreError.self) { try await store.importInitialCatalog(catalog, note: "broken") }
        #expect(try await store.currentRevision() == nil)
    }
}
