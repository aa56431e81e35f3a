import ErrataCore
import Foundation
import Testing

/// `/rpc` is strict RFC 8259 JSON in UTF-8: what Foundation's parser would let through is refused here.
@Suite struct StrictJSONScannerTests {
    func violation(_ bytes: [UInt8], depth: Int = 32) -> StrictJSONScanner.Violation? {
        StrictJSONScanner.firstViolation(in: Data(bytes), maximumDepth: depth)
    }

    func violation(_ text: String, depth: Int = 32) -> StrictJSONScanner.Violation? {
        violation(Array(text.utf8), depth: depth)
    }

    @Test func acceptsStrictJSON() {
        for text in [
            #"{"a":1,"b":[1,2,{"a":2}],"c":{"a":3}}"#, "[]", "{}", #" [ "x" , "y" ] "#, #"{"a":"}],,{"}"#,
            #"{"a\"b":1,"a\\b":2}"#, #"["\u0000"]"#, "42",
        ] {
            #expect(violation(text) == nil, "\(text)")
        }
    }

    @Test func refusesTrailingCommas() {
        #expect(violation("[1,2,]") == .trailingComma(offset: 5))
        #expect(violation(#"{"a":1 , }"#) == .trailingComma(offset: 9))
        #expect(violation("[[],\n]") != nil)
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
        #expect(violation([0xFF, 0xFE] + utf16) == .notUTF8)
    }

    @Test func boundsNestingInOnePass() {
        #expect(violation(String(repeating: "[", count: 100_000)) == .nestingTooDeep(limit: 32))
        #expect(violation(String(repeating: "[", count: 32) + String(repeating: "]", count: 32)) == nil)
        #expect(violation(String(repeating: "{\"a\":", count: 33) + "1" + String(repeating: "}", count: 33)) == .nestingTooDeep(limit: 32))
    }
}
