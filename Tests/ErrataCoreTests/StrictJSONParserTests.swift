import ErrataCore
import Foundation
import Testing

/// `/rpc` is strict RFC 8259 JSON in UTF-8: what lenient parsers let through is refused here.
@Suite struct StrictJSONParserTests {
    func parse(_ bytes: [UInt8], depth: Int = 32) -> Result<JSONValue, StrictJSONParser.Violation> {
        StrictJSONParser.parse(Data(bytes), maximumDepth: depth)
    }

    func violation(_ text: String, depth: Int = 32) -> StrictJSONParser.Violation? {
        violation(Array(text.utf8), depth: depth)
    }

    func violation(_ bytes: [UInt8], depth: Int = 32) -> StrictJSONParser.Violation? {
        if case .failure(let violation) = parse(bytes, depth: depth) { violation } else { nil }
    }

    @Test func readsStrictJSONAsFoundationDoes() throws {
        for text in [
            #"{"a":1,"b":[1,2,{"a":2}],"c":{"a":3}}"#, "[]", "{}", #" [ "x" , "y" ] "#, #"{"a":"}],,{"}"#,
            #"{"a\"b":1,"a\\b":2}"#, #"["\u0000"]"#, "42", "-0", "1.5e3", "2.0", "-12.25E-2", "9223372036854775807",
            "-9223372036854775808", "9223372036854775808", "[true,false,null]", #""\ud83d\ude00 \u00e9 \/ \b\f\n\r\t""#,
            #""数字 – ✓""#, #"{"":""}"#, "1e308",
        ] {
            let expected = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            #expect(try parse(Array(text.utf8)).get() == expected, "\(text)")
        }
    }

    /// Integral values are integers whatever their spelling, as in JSON Schema and Foundation.
    @Test func readsIntegralNumbersAsIntegers() throws {
        #expect(try parse(Array("[1,1.0,1e2,-9007199254740993,1.5]".utf8)).get() == [.integer(1), .integer(1), .integer(100), .integer(-9_007_199_254_740_993), .double(1.5)])
        #expect(try parse(Array("9223372036854775808".utf8)).get() == .double(9_223_372_036_854_775_808))
        // Out of range, these round to Int64.min and 2^63 as doubles, which must not become integers.
        #expect(try parse(Array("-9223372036854775809".utf8)).get() == .double(-9_223_372_036_854_775_808))
        #expect(try parse(Array("-9223372036854775808.0".utf8)).get() == .double(-9_223_372_036_854_775_808))
        #expect(try parse(Array("9007199254740992.0".utf8)).get() == .integer(9_007_199_254_740_992))
    }

    @Test func refusesTrailingCommas() {
        #expect(violation("[1,2,]") == .trailingComma(offset: 5))
        #expect(violation(#"{"a":1 , }"#) == .trailingComma(offset: 9))
        #expect(violation("[[],\n]") == .trailingComma(offset: 5))
    }

    @Test func refusesDuplicateMembersAsWrittenOrEscaped() {
        #expect(violation(#"{"a":1,"a":2}"#) == .duplicateKey("a", offset: 7))
        #expect(violation(#"{"id":1,"\u0069d":2}"#) == .duplicateKey("id", offset: 8))
        #expect(violation(#"{"a":{"b":1},"c":{"b":2},"a":0}"#) == .duplicateKey("a", offset: 25))
    }

    @Test func refusesByteOrderMarksAndUTF16() {
        #expect(violation([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) == .byteOrderMark)
        let utf16 = Array("[1]".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(violation(utf16) == .notUTF8)
        #expect(violation([0xFF, 0xFE] + utf16) != nil)
        #expect(violation([0x22, 0x61, 0x00, 0x22]) == .notUTF8)
    }

    @Test func boundsNestingBeforeFollowingIt() {
        #expect(violation(String(repeating: "[", count: 100_000)) == .nestingTooDeep(limit: 32))
        #expect(violation(String(repeating: "[", count: 32) + String(repeating: "]", count: 32)) == nil)
        #expect(violation(String(repeating: "{\"a\":", count: 33) + "1" + String(repeating: "}", count: 33)) == .nestingTooDeep(limit: 32))
    }

    @Test(arguments: [
        ("", "empty"), (" ", "empty"), ("{}}", "trailing"), (#"{"a" 1}"#, "colon"), (#"{"a":}"#, "value"),
        ("01", "leading zero"), ("+1", "plus"), ("0x1", "hex"), ("NaN", "NaN"), ("1e999", "infinite"),
        ("1.", "dot"), ("-", "minus"), ("1e", "exponent"), ("{'a':1}", "quotes"), (#""\x""#, "escape"),
        (#""\u12""#, "short escape"), (#""\ud800""#, "lone high"), (#""\udc00""#, "lone low"),
        (#""\ud800\u0041""#, "bad pair"), ("[1 2]", "missing comma"), ("tru", "literal"), ("nul", "literal"),
        (#"{"a":1 /* c */}"#, "comment"), (#""abc"#, "unterminated"), ("[", "unclosed"),
    ])
    func refusesWhatIsNotJSON(text: String, name: String) {
        guard case .syntax? = violation(text) else {
            Issue.record("\(name): \(text) gave \(String(describing: violation(text)))")
            return
        }
    }

    @Test func refusesRawControlCharactersAndInvalidUTF8InStrings() {
        for bytes: [UInt8] in [[0x22, 0x09, 0x22], [0x22, 0xC3, 0x28, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xE2, 0x82, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22]] {
            guard case .syntax? = violation(bytes) else {
                Issue.record("\(bytes) gave \(String(describing: violation(bytes)))")
                continue
            }
        }
    }
}
