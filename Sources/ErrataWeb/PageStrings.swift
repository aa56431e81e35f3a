public import ErrataCore
import Foundation

/// The words of the pages themselves (headings, labels, hints) in one locale, English where the
/// locale has none.
///
/// Error texts come from the catalog; these come from `Resources/strings/{locale}.json`. Nested
/// objects are addressed with dotted keys: `index.title`.
package struct PageStrings: Sendable {
    /// The locale the strings were written for; English when the page's locale has no strings file.
    package let locale: LanguageTag
    private let values: [String: String]

    init(locale: LanguageTag, values: [String: String]) {
        self.locale = locale
        self.values = values
    }

    /// The string for `key`; the key itself when no file has it, so a missing string shows, never crashes.
    package subscript(key: String) -> String {
        values[key] ?? key
    }

    /// `template` with each `{name}` replaced by its value (the result is escaped when rendered).
    package func format(_ key: String, _ values: [String: String]) -> String {
        values.reduce(self[key]) { text, value in text.replacingOccurrences(of: "{\(value.key)}", with: value.value) }
    }

    /// Whether `key` has a string.
    package func contains(_ key: String) -> Bool {
        values[key] != nil
    }

    /// The keys under `prefix.`, without the prefix, sorted: such as the problem slugs under `problems`.
    package func keys(under prefix: String) -> [String] {
        let start = prefix + "."
        return Set(values.keys.compactMap { key in
            key.hasPrefix(start) ? key.dropFirst(start.count).split(separator: ".").first.map(String.init) : nil
        }).sorted()
    }

    // MARK: - Reading the files

    /// Flattens a strings file: `{"index": {"title": "…"}}` → `["index.title": "…"]`.
    static func flatten(_ data: Data) throws -> [String: String] {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw WebResourceError("a strings file is not a JSON object")
        }
        var values: [String: String] = [:]
        func add(_ object: [String: Any], prefix: String) {
            for (key, value) in object {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                if let text = value as? String {
                    values[path] = text
                } else if let nested = value as? [String: Any] {
                    add(nested, prefix: path)
                }
            }
        }
        add(object, prefix: "")
        return values
    }
}
