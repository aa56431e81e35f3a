import ErrataCore
import Testing

/// Parsing, errors with positions and rendering of ICU message patterns; `.ci/icu-check` compares a
/// larger table with ICU itself.
@Suite struct MessagePatternTests {
    static let en = LanguageTag(rawValue: "en")!

    func render(_ text: String, _ values: [String: String], _ locale: String = "en") throws -> String {
        let pattern = MessagePattern(text)
        #expect(pattern.syntaxError == nil, "\(text): \(String(describing: pattern.syntaxError))")
        return try pattern.rendered(with: values, locale: LanguageTag(rawValue: locale)!)
    }

    // MARK: - Plain placeholders, as before patterns

    @Test func findsPlaceholdersInOrder() {
        let pattern = MessagePattern("Max {maxObjectSize}, parts {maxPartNumber}; again {maxObjectSize}.")
        #expect(pattern.placeholders == ["maxObjectSize", "maxPartNumber", "maxObjectSize"])
    }

    @Test func rendersKnownValuesAndKeepsUnknownOnes() throws {
        #expect(try render("Up to {maxObjectSize} in {unknown}.", ["maxObjectSize": "5 GiB"]) == "Up to 5 GiB in {unknown}.")
        #expect(try render("{a}{a}", ["a": "x"]) == "xx")
        #expect(try render("Parts up to {maxPartNumber}.", ["maxPartNumber": "9,999"]) == "Parts up to 9,999.")
    }

    /// A text that is not a valid pattern, saved before patterns were checked, renders as it did.
    @Test func invalidPatternsRenderAsPlainPlaceholders() throws {
        let pattern = MessagePattern("JSON {\"a\": 1} and { } and {9lives} and {ok_1}")
        #expect(pattern.syntaxError != nil)
        #expect(pattern.placeholders == ["ok_1"])
        #expect(try pattern.rendered(with: ["ok_1": "x"], locale: Self.en) == "JSON {\"a\": 1} and { } and {9lives} and x")
        #expect(MessagePattern("unclosed {name").placeholders.isEmpty)
    }

    // MARK: - Quoting

    /// ICU's DOUBLE_OPTIONAL apostrophes: only `''` and an apostrophe before a brace (or `#` in a plural) quote.
    @Test func apostrophesQuoteAsICUDoes() throws {
        #expect(try render("Don't retry; it's '{literal}' and ''x''.", [:]) == "Don't retry; it's {literal} and 'x'.")
        #expect(try render("a } b '}' c", [:]) == "a } b } c")
        #expect(try render("{n, plural, other {'#' is #}}", ["n": "3"]) == "# is 3")
        #expect(try render("# stays outside a plural", [:]) == "# stays outside a plural")
        #expect(try render("It's '{open to the end", [:]) == "It's {open to the end")
        #expect(try render("'{''quoted'' {n}}'", ["n": "1"]) == "{'quoted' {n}}")
    }

    // MARK: - Errors with positions

    @Test(arguments: [
        ("{n, plural, one {#}}", "plural at 0 has no 'other' case"),
        ("Files: {n, plural, one {#} other {#}", "'{' at 7 is never closed"),
        ("{kind, select, a {A}}", "select at 0 has no 'other' case"),
        ("x {9lives}", "argument name '9lives' at 3 must be an ASCII letter followed by up to 63 letters, digits or '_'"),
        ("{d, date}", "argument type 'date' at 4 is not supported (number, plural and select are)"),
        ("{n, number, integer}", "number style at 10 is not supported: write {name, number}"),
        ("{n, plural, one {#} lots {#} other {#}}", "plural case 'lots' at 20 is not one of zero, one, two, few, many, other or =N"),
        ("{n, plural, one {#} one {#} other {#}}", "case 'one' at 20 appears twice"),
        ("{n, plural, one # other {#}}", "case 'one' at 12 needs a {message}"),
        ("{n, plural}", "plural at 0 has no cases"),
        ("{n, plural, offset:x other {#}}", "offset at 19 must be a whole number written before the plural's cases"),
        ("{n x}", "argument at 0 must be {name}, {name, number}, {name, plural, …} or {name, select, …}"),
        ("{n, number x}", "argument at 0 must be {name}, {name, number}, {name, plural, …} or {name, select, …}"),
    ])
    func refusesInvalidPatternsNamingThePosition(text: String, message: String) {
        #expect(MessagePattern(text).syntaxError?.description == message)
    }

    // MARK: - Rendering

    @Test func rendersPluralsByLocale() throws {
        let files = "{n, plural, =0 {no files} one {# file} few {# files (few)} many {# files (many)} other {# files}}"
        #expect(try render(files, ["n": "0"]) == "no files")
        #expect(try render(files, ["n": "1"]) == "1 file")
        #expect(try render(files, ["n": "1.5"]) == "1.5 files")
        #expect(try render(files, ["n": "1000000"]) == "1,000,000 files")
        #expect(try render(files, ["n": "1"], "ja") == "1 files")
        #expect(try render(files, ["n": "21"], "ru") == "21 file")
        #expect(try render(files, ["n": "22"], "ru") == "22 files (few)")
        #expect(try render(files, ["n": "25"], "pl") == "25 files (many)")
        #expect(try render(files, ["n": "1.5"], "cs") == "1,5 files (many)")
        #expect(try render("{n, plural, zero {z} two {t} other {o}}", ["n": "2"], "ar") != "o")
    }

    @Test func rendersOffsetsAndExactCases() throws {
        let text = "{n, plural, offset:1 =1 {only you} one {you and # other} other {you and # others}}"
        #expect(try render(text, ["n": "1"]) == "only you")
        #expect(try render(text, ["n": "2"]) == "you and 1 other")
        #expect(try render(text, ["n": "5"]) == "you and 4 others")
    }

    @Test func rendersNumbersAndSelects() throws {
        #expect(try render("{n, number} parts", ["n": "9999"]) == "9,999 parts")
        #expect(try render("{n, number}", ["n": "2.0005"]) == "2")
        #expect(try render("{n, number}", ["n": "-1234.5"], "de") == "-1.234,5")
        let select = "{kind, select, bucket {The bucket} object {The object} other {It}} is gone."
        #expect(try render(select, ["kind": "bucket"]) == "The bucket is gone.")
        #expect(try render(select, ["kind": "table"]) == "It is gone.")
        #expect(MessagePattern(select).argumentKinds == ["kind": [.select]])
    }

    @Test func refusesValuesThatAreNotPlainDecimals() throws {
        let pattern = MessagePattern("{n, plural, one {# part} other {# parts}}")
        for value in ["9,999", "1e3", "", "-", "1.", ".5", "x", "1234567890123456"] {
            #expect(throws: MessageValueError(name: "n", value: value)) {
                try pattern.rendered(with: ["n": value], locale: Self.en)
            }
        }
        #expect(try pattern.rendered(with: [:], locale: Self.en) == "{n, plural, one {# part} other {# parts}}")
    }

    /// Names inside a plural's cases count once, so a translation with fewer cases has the same placeholders.
    @Test func countsNamesInCasesOnce() {
        let source = MessagePattern("{n, plural, one {# part of {key}} other {# parts of {key}}}")
        let japanese = MessagePattern("{n, plural, other {{key}の#個}}")
        #expect(source.placeholders == ["n", "key"])
        #expect(japanese.placeholders == ["n", "key"])
        #expect(source.argumentKinds == ["n": [.plural], "key": [.simple]])
    }
}
