import Foundation
import Testing

/// Paths of files in this repository, for tests that check the committed catalog.
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let localizations = root.appendingPathComponent("Localizations", isDirectory: true)
    /// The seed table the catalog was made from (`shared/seed/error-codes.md`), kept with the tests.
    static var seed: URL {
        get throws { try #require(Bundle.module.url(forResource: "seed-error-codes", withExtension: "md")) }
    }
}
