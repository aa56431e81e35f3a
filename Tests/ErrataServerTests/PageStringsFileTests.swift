import Foundation
import Testing

/// The pages' strings files (`Sources/ErrataWeb/Resources/strings/`), read as committed: a key English
/// has and a locale lacks would show that locale's readers English in the middle of their page.
@Suite struct PageStringsFileTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ErrataWeb/Resources/strings")

    @Test func everyLocaleHasEveryKeyEnglishHas() throws {
        let english = try Self.keys(of: "en")
        #expect(english.contains("origins.generic.description"))
        for locale in ["zh-Hans", "zh-Hant", "ja", "ko"] {
            let keys = try Self.keys(of: locale)
            #expect(english.subtracting(keys).sorted() == [], "\(locale) lacks these")
            #expect(keys.subtracting(english).sorted() == [], "\(locale) has these English lacks")
        }
    }

    /// The dotted paths of a strings file's texts: `{"index": {"title": …}}` → `index.title`.
    private static func keys(of locale: String) throws -> Set<String> {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(locale).json"))
        var keys: Set<String> = []
        func add(_ value: Any, path: String) {
            if let object = value as? [String: Any] {
                for (key, nested) in object { add(nested, path: path.isEmpty ? key : "\(path).\(key)") }
            } else {
                keys.insert(path)
            }
        }
        add(try JSONSerialization.jsonObject(with: data), path: "")
        return keys
    }
}
