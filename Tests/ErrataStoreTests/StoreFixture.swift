import ErrataCore
import ErrataStore
import Foundation
import Logging

/// A store in a temporary directory, seeded with the repository's `Localizations/` as revision 1.
struct StoreFixture {
    static let localizations = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Localizations")
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    let directory: URL
    let store: CatalogStore
    let seed: Catalog

    /// The repository's catalog and a store seeded with it, made once per test process: every fixture
    /// starts from a copy of that database rather than importing the catalog again.
    private static let seeded = Task {
        let seed = try LocalizationsDirectory(url: localizations).load()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-store-seeded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try CatalogStore(path: directory.appendingPathComponent("errata.sqlite").path, logger: logger)
        try await store.importInitialCatalog(seed, note: "seed")
        return (seed: seed, store: store)
    }

    init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("errata.sqlite").path
        let seeded = try await Self.seeded.value
        try seeded.store.backup(to: path)
        store = try CatalogStore(path: path, logger: Self.logger)
        seed = seeded.seed
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The seed's locales other than its source language, English, in the catalog's order: the
    /// translations an English edit puts up for review.
    static let translationLocales: [String] = {
        let locales = (try? LocalizationsDirectory(url: localizations).load().locales.map(\.tag.rawValue)) ?? []
        return locales.filter { $0 != "en" }
    }()

    /// The translations of `code`'s `field`: one key per locale in ``translationLocales``.
    static func translations(of code: String, _ field: TextField = .remediation) -> [TextKey] {
        translationLocales.map { key(code, $0, field) }
    }

    static func key(_ code: String, _ locale: String = "en", _ field: TextField = .remediation, variant: String? = nil) -> TextKey {
        TextKey(entry: EntryKey(code: ErrorCode(code), variant: variant.map { VariantName($0) }), locale: LanguageTag(rawValue: locale)!, field: field)
    }
}

extension EditError {
    /// The current version carried by a conflict, if this is one.
    var conflictingVersion: TextVersion? {
        if case .conflict(let current) = kind { return current }
        return nil
    }
}
