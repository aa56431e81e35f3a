@testable import ErrataCore
import Foundation
import Testing

/// The hand-written JSON writer must produce exactly what `CanonicalJSON` (JSONEncoder) produces,
/// since entity tags and cached bodies promise byte-identical answers.
@Suite struct JSONWriterTests {
    func written(_ value: String) -> String {
        var writer = JSONWriter()
        writer.string(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func escapesStringsAsJSONEncoderDoes() {
        var every = ""
        for scalar in 0..<0x80 { every.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        for value in [every, "", "plain", #"a "quoted" \ back\slash / slash"#, "\u{2028}\u{2029}\u{FEFF}é😀 数字",
                      "tab\there\nnew\r\u{7F}\u{0}", String(repeating: "\"", count: 3)] {
            #expect(written(value) == String(decoding: CanonicalJSON.encode(value), as: UTF8.self), "\(value.debugDescription)")
        }
    }

    @Test func writesIntegersBooleansAndNull() {
        var writer = JSONWriter()
        writer.raw("[")
        writer.integer(Int64.min)
        writer.raw(",")
        writer.integer(0)
        writer.raw(",")
        writer.bool(true)
        writer.raw(",")
        writer.string(nil as String?)
        writer.raw("]")
        #expect(writer.data == CanonicalJSON.encode([.integer(Int64.min), .integer(0), .bool(true), .null] as [JSONValue]))
    }

    /// Integers are written digit by digit, not through `String`: every width and sign as `JSONEncoder` writes them.
    @Test func writesIntegersDigitByDigitAsJSONEncoderDoes() {
        let values: [Int64] = [0, 1, -1, 7, 9, 10, -10, 99, 100, 404, 1_000_000, 9_007_199_254_740_993, .max, .max - 1, .min, .min + 1]
        for value in values {
            var writer = JSONWriter()
            writer.integer(value)
            #expect(writer.data == CanonicalJSON.encode(value), "\(value)")
            var generic = JSONWriter()
            generic.integer(Int(value))
            #expect(generic.data == writer.data, "\(value) as Int")
        }
        var wide = JSONWriter()
        wide.integer(UInt64.max)
        #expect(wide.data == CanonicalJSON.encode(UInt64.max))
    }

    @Test func writesEveryDescriptionOfTheSeedCatalogAsJSONEncoderDoes() throws {
        let snapshot = CatalogSnapshot(catalog: try LocalizationsDirectory(url: RepositoryFiles.localizations).load(), revision: 12)
        var compared = 0
        for locale in snapshot.locales {
            for fallback in [false, true] {
                for description in snapshot.describeAll(negotiation: LocaleNegotiation(locale: locale.tag, fallback: fallback)) {
                    #expect(description.canonicalJSON == CanonicalJSON.encode(description), "\(description.code) \(locale.tag)")
                    compared += 1
                }
            }
        }
        #expect(compared == 125 * 5 * 2)
    }

    @Test func writesAwkwardDescriptionsAsJSONEncoderDoes() {
        let description = ErrorDescription(
            code: ErrorCode("Weird\"Code"), variant: VariantName("a\\b"), httpStatus: 599, category: ErrorCategory("c\u{1}"),
            retry: .throttling, fault: .server, serviceMessage: "line\nbreak\t\u{1F}", locale: LanguageTag(rawValue: "zh-Hant")!,
            fallback: true, message: "«引号» \"q\" </script>", remediation: "", revision: Int.max
        )
        #expect(description.canonicalJSON == CanonicalJSON.encode(description))
        var withHintAndPolicy = description
        withHintAndPolicy.developerHint = "base64(md5(body)) \u{2028} \"raw\""
        withHintAndPolicy.retryPolicy = RetryPolicy(baseDelayMs: 1, maxDelayMs: Int.max, maxAttempts: 0, honorRetryAfter: false)
        #expect(withHintAndPolicy.canonicalJSON == CanonicalJSON.encode(withHintAndPolicy))
    }
}

extension JSONWriterTests {
    @Test func writesDeltaFeedAnswersAsJSONEncoderDoes() {
        let changes = CatalogChanges(fromRevision: 3, toRevision: 9, changes: [
            TextChange(key: TextKey(entry: EntryKey(code: ErrorCode("BucketNotEmpty"), variant: VariantName("versioned")), locale: .english, field: .remediation), text: "Delete \"versions\"\n", revision: 4),
            TextChange(key: TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey")), locale: LanguageTag(rawValue: "zh-Hans")!, field: .message), text: "指定的键不存在。", state: .needsReview, revision: 9),
        ], removed: [
            TextChange.Key(code: ErrorCode("A"), variant: nil, locale: .english, field: .message),
            TextChange.Key(code: ErrorCode("B"), variant: VariantName("v"), locale: .english, field: .message),
        ], locales: [LocaleInfo(tag: .english, name: "English"), LocaleInfo(tag: LanguageTag(rawValue: "zh-Hans")!, name: "简体中文 \"s\"")])
        #expect(changes.canonicalJSON == CanonicalJSON.encode(changes))
        let empty = CatalogChanges(fromRevision: 0, toRevision: 0, changes: [], locales: [])
        #expect(empty.canonicalJSON == CanonicalJSON.encode(empty))
        let withoutLocales = CatalogChanges(fromRevision: 0, toRevision: 0, changes: [], locales: nil)
        #expect(withoutLocales.canonicalJSON == CanonicalJSON.encode(withoutLocales))
    }
}
