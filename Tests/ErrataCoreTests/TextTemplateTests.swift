import ErrataCore
import Testing

@Suite struct TextTemplateTests {
    @Test func findsPlaceholdersInOrder() {
        let template = TextTemplate("Max {maxObjectSize}, parts {maxPartNumber}; again {maxObjectSize}.")
        #expect(template.placeholders == ["maxObjectSize", "maxPartNumber", "maxObjectSize"])
    }

    @Test func ignoresBracesThatAreNotPlaceholders() {
        #expect(TextTemplate("JSON {\"a\": 1} and { } and {9lives} and {ok_1}").placeholders == ["ok_1"])
        #expect(TextTemplate("unclosed {name").placeholders.isEmpty)
    }

    @Test func rendersKnownValuesAndKeepsUnknownOnes() {
        let template = TextTemplate("Up to {maxObjectSize} in {unknown}.")
        #expect(template.rendered(with: ["maxObjectSize": "5 GiB"]) == "Up to 5 GiB in {unknown}.")
        #expect(TextTemplate("{a}{a}").rendered(with: ["a": "x"]) == "xx")
    }
}
