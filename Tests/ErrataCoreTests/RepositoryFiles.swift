import Foundation

/// Paths of files in this repository, for tests that check the committed catalog.
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let localizations = root.appendingPathComponent("Localizations", isDirectory: true)
    static let seed = root.deletingLastPathComponent().appendingPathComponent("shared/seed/error-codes.md")
}
