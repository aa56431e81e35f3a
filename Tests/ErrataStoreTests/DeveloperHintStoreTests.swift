import ErrataCore
import ErrataStore
import Foundation
import GRDB
import Testing

/// Developer hints and retry policies in the store: a hint is edited like the other texts but never
/// translated before its source, and a database of schema v6 upgrades to the standard retry policies.
@Suite struct DeveloperHintStoreTests {
    /// A seed entry without a developer hint, whichever the repository's files give one.
    static func entryWithoutHint(in seed: Catalog) throws -> EntryKey {
        try #require(seed.entries.first { seed[TextKey(entry: $0.key, locale: .english, field: .developerHint)] == nil }).key
    }

    @Test func aHintIsTranslatedOnlyAfterItsSourceIsWritten() async throws {
        let fixture = try await StoreFixture()
        defer { fixture.remove() }
        let entry = try Self.entryWithoutHint(in: fixture.seed)
        let chinese = TextKey(entry: entry, locale: LanguageTag(rawValue: "zh-Hans")!, field: .developerHint)
        let english = TextKey(entry: entry, locale: .english, field: .developerHint)

        #expect(try await fixture.store.problems(in: "请检查请求。", for: chinese) == [.noSourceText])
        do {
            _ = try await fixture.store.setText(chinese, text: "请检查请求。", expectedVersion: 0, author: nil)
            Issue.record("a translation without its source was accepted")
        } catch let error as EditError {
            #expect(error.kind == .invalidText([.noSourceText]))
        }

        _ = try await fixture.store.setText(english, text: "Check the request.", expectedVersion: 0, author: nil)
        #expect(try await fixture.store.problems(in: "请检查请求。", for: chinese).isEmpty)
        _ = try await fixture.store.setText(chinese, text: "请检查请求。", expectedVersion: 0, author: nil, publishNote: "hint")
        let published = try #require(try await fixture.store.publishedCatalog())
        #expect(published.revision == 2)
        #expect(published.catalog[english] == "Check the request." && published.catalog[chinese] == "请检查请求。")
        // The other locales now lack the hint: the catalog says so, as for any missing translation.
        #expect(CatalogValidator.problems(in: published.catalog).contains(.missingText(TextKey(entry: entry, locale: LanguageTag(rawValue: "ja")!, field: .developerHint))))
    }

    @Test func discardingANewHintsSourceDiscardsItsTranslations() async throws {
        let fixture = try await StoreFixture()
        defer { fixture.remove() }
        let entry = try Self.entryWithoutHint(in: fixture.seed)
        let english = TextKey(entry: entry, locale: .english, field: .developerHint)
        let japanese = TextKey(entry: entry, locale: LanguageTag(rawValue: "ja")!, field: .developerHint)
        _ = try await fixture.store.setText(english, text: "Check the request.", expectedVersion: 0, author: nil)
        _ = try await fixture.store.setText(japanese, text: "リクエストを確認してください。", expectedVersion: 0, author: nil)

        #expect(try await fixture.store.discardDraft(of: english) == 2)
        #expect(try await fixture.store.draft().isEmpty, "a translation would be published without its source")
    }

    @Test func retryPoliciesAreStoredWithTheCatalog() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var seed = try LocalizationsDirectory(url: StoreFixture.localizations).load()
        seed.retryPolicies.throttling = RetryPolicy(baseDelayMs: 250, maxDelayMs: 10_000, maxAttempts: 4, honorRetryAfter: false)
        let index = try #require(seed.entries.firstIndex { $0.retry == .retryable })
        seed.entries[index].retryPolicy = RetryPolicy(baseDelayMs: 20, maxDelayMs: 2_000, maxAttempts: 5, honorRetryAfter: true)
        let store = try CatalogStore(path: directory.appendingPathComponent("errata.sqlite").path, logger: StoreFixture.logger)
        try await store.importInitialCatalog(seed, note: "seed")
        let published = try #require(try await store.publishedCatalog())
        #expect(published.catalog.retryPolicies == seed.retryPolicies)
        #expect(published.catalog.entries == seed.entries)
    }

    @Test func aSchemaV6DatabaseUpgradesToTheStandardPolicies() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("errata.sqlite").path
        let seed = try LocalizationsDirectory(url: StoreFixture.localizations).load()
        do {
            let store = try CatalogStore(path: path, logger: StoreFixture.logger)
            try await store.importInitialCatalog(seed, note: "seed")
        }
        // Back to what schema v6 wrote: no retry policies at all.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: """
                DROP TABLE retryPolicy;
                ALTER TABLE entry DROP COLUMN retryPolicy;
                DELETE FROM grdb_migrations WHERE identifier = 'v7';
                """)
        }
        try queue.close()

        let store = try CatalogStore(path: path, logger: StoreFixture.logger)
        let published = try #require(try await store.publishedCatalog())
        #expect(published.catalog.retryPolicies.isEmpty)
        #expect(published.catalog.entries.allSatisfy { $0.retryPolicy == nil })
        #expect(published.catalog.texts == seed.texts)
        let slowDown = try #require(published.catalog.entries.first { $0.code == ErrorCode("SlowDown") })
        #expect(published.catalog.retryPolicy(for: slowDown) == .standard(for: .throttling))
    }
}
