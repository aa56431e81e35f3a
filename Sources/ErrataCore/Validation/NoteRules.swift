/// The rules a note for translators follows: a text's comment or a placeholder's note.
///
/// A note may be long enough for a few sentences and may hold line breaks; it may not be blank.
public enum NoteRules {
    /// The longest note accepted, in characters.
    public static let maximumLength = 1_000

    /// What is wrong with a note, if anything; empty when it is acceptable.
    public static func problems(in note: String) -> [TextProblem] {
        TextRules.formProblems(in: note, maximumLength: maximumLength, allowsLineFeeds: true)
    }
}
