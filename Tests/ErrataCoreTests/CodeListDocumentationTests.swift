import ErrataCore
import Foundation
import Testing

/// The README's lists of the two sets of codes ("The error codes") name exactly the catalog's codes and aliases of each origin.
@Suite struct CodeListDocumentationTests {
    @Test(arguments: [EntryOrigin.service, .s3])
    func theReadmeListsEveryCodeOfTheSet(origin: EntryOrigin) throws {
        let catalog = try LocalizationsDirectory(url: RepositoryFiles.localizations).load()
        let readme = try String(contentsOf: RepositoryFiles.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- codes: \(origin.rawValue) -->"), "no list of the \(origin) codes")
        let end = try #require(readme.range(of: "<!-- end codes -->", range: start.upperBound..<readme.endIndex))
        let listed = Self.codeSpans(in: readme[start.upperBound..<end.lowerBound])
        let entries = catalog.entries.filter { $0.origin == origin }
        let expected = Set(entries.flatMap { [$0.code.rawValue] + $0.aliases.map(\.rawValue) })
        #expect(listed == expected, "missing: \(expected.subtracting(listed).sorted()), extra: \(listed.subtracting(expected).sorted())")
    }

    /// The texts between backticks.
    static func codeSpans(in text: Substring) -> Set<String> {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        return Set(stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) })
    }
}
