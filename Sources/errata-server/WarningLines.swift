import ErrataCore

/// What `import` prints for the warnings of a text it staged, one `warning:` line each.
///
/// Warnings never change the exit code: the texts are staged all the same.
enum WarningLines {
    /// The lines for `text` in `locale`, named `name` (the text's string key, or an XLIFF unit id).
    static func lines(for text: String, locale: LanguageTag, named name: String, glossary: Glossary?) -> [String] {
        GlossaryChecker.warnings(in: text, locale: locale, glossary: glossary).map { "warning: \(name) (\(locale)): \($0)" }
    }
}
