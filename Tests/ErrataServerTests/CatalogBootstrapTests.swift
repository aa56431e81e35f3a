import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Testing

@Suite struct CatalogBootstrapTests {
    @Test func firstStartImportsEveryRowAndRestartKeepsTheDatabase() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-boot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("errata.sqlite").path

        let first = try await CatalogBootstrap.liveCatalog(
            store: try CatalogStore(path: database, logger: TestService.logger),
            localizations: TestService.localizations, logger: TestService.logger
        )
        #expect(first.served.revision == 1)
        #expect(first.served.snapshot.entries.count == 125)
        #expect(first.served.snapshot.catalog.texts == (try LocalizationsDirectory(url: TestService.localizations).load().texts))

        // A restart reads the database as it is; Localizations/ is not needed any more.
        let missing = directory.appendingPathComponent("no-such-directory")
        let second = try await CatalogBootstrap.liveCatalog(
            store: try CatalogStore(path: database, logger: TestService.logger),
            localizations: missing, logger: TestService.logger
        )
        #expect(second.served.revision == 1)
        #expect(second.served.snapshot.catalog == first.served.snapshot.catalog)
    }

    @Test func anUnreadableCatalogFailsWithTheFileNamed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-boot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try CatalogStore(path: directory.appendingPathComponent("errata.sqlite").path, logger: TestService.logger)
        try Data("{not json".utf8).write(to: directory.appendingPathComponent("catalog.json"))
        do {
            _ = try await CatalogBootstrap.liveCatalog(store: store, localizations: directory, logger: TestService.logger)
            Issue.record("expected a failure")
        } catch let error as CatalogFileError {
            #expect(error.file.hasSuffix("catalog.json"))
            #expect(error.description.contains("not a valid catalog file"))
        }
        #expect(try await store.currentRevision() == nil)
    }
}
