import ErrataCore
import Testing

/// The text rules for ICU message patterns: syntax, `other` cases and arguments used as in the source.
@Suite struct TextRulesMessageTests {
    static let source = "{count, plural, one {# part is missing.} other {# parts are missing.}}"

    @Test func acceptsATranslationWithOtherCategories() {
        let japanese = "{count, plural, other {#個のパートがありません。}}"
        let russian = "{count, plural, one {# часть} few {# части} many {# частей} other {# части}}"
        for text in [japanese, russian] {
            #expect(TextRules.problems(in: text, sourceText: Self.source, declaredParameters: [:]).isEmpty)
        }
        #expect(TextRules.problems(in: Self.source, sourceText: nil, declaredParameters: ["count": "3"]).isEmpty)
    }

    @Test func refusesInvalidSyntaxWithItsPosition() {
        let problems = TextRules.problems(in: "{count, plural, one {# part}}", sourceText: Self.source, declaredParameters: [:])
        #expect(problems.map(\.description) == ["text is not a valid message: plural at 0 has no 'other' case"])
    }

    @Test func refusesAnArgumentUsedAsAnotherKind() {
        let problems = TextRules.problems(in: "{count, number} parts are missing.", sourceText: Self.source, declaredParameters: [:])
        #expect(problems == [.argumentKindMismatch("count", expected: [.plural], found: [.number])])
        #expect(problems.map(\.description) == ["{count} is used as {name, number} where the source text uses it as {name, plural}"])
    }

    @Test func refusesArgumentsTheSourceDoesNotHave() {
        let problems = TextRules.problems(in: "{total, plural, other {#}}", sourceText: Self.source, declaredParameters: [:])
        #expect(problems == [.placeholderMismatch(expected: ["count"], found: ["total"])])
    }

    @Test func refusesASourceTextWhoseNumberDefaultIsNotANumber() {
        let problems = TextRules.problems(in: "Up to {max, number} parts.", sourceText: nil, declaredParameters: ["max": "9,999"])
        #expect(problems == [.defaultNotANumber("max", value: "9,999")])
        #expect(TextRules.problems(in: "Up to {max} parts.", sourceText: nil, declaredParameters: ["max": "9,999"]).isEmpty)
    }

    /// Apostrophes and braces of the bundled texts stay plain text: every bundled text is a valid pattern.
    @Test func plainTextsStayValid() {
        #expect(TextRules.problems(in: "Don't retry: it's the bucket's owner who decides.", sourceText: nil, declaredParameters: [:]).isEmpty)
        #expect(TextRules.problems(in: "A lone } is text.", sourceText: nil, declaredParameters: [:]).isEmpty)
    }
}
