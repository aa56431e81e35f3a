import ErrataClient
import ErrataCore
import Foundation
import Testing

/// `StorageError` retries as the catalog's retry policy says, honoring `Retry-After`, and reads the
/// policies from cache files that have them and from older ones that do not.
@Suite struct RetryPolicyClientTests {
    static let slowDownXML = "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"
    static let customPolicy = RetryPolicy(baseDelayMs: 40, maxDelayMs: 90, maxAttempts: 4, honorRetryAfter: false)

    func storageError(code: String, headers: [String: String] = [:], client: ErrataClient) throws -> StorageError {
        let body = "<Error><Code>\(code)</Code></Error>"
        return try client.storageError(responseBody: Data(body.utf8), headers: headers, httpStatus: 400)
    }

    @Test func throttlingBacksOffFrom500msAndGivesUpAfterThreeAttempts() throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let error = try storageError(code: "SlowDown", client: ErrataClient.make(cache: cache))
        #expect(error.isRetryable && error.isThrottling)
        #expect(error.retryPolicy == .standard(for: .throttling))
        #expect((1...3).map { error.delay(forAttempt: $0) } == [.milliseconds(500), .seconds(1), nil])
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let wait = try #require(error.delay(forAttempt: 2, using: &generator))
            #expect(wait >= .zero && wait <= .seconds(1))
        }
    }

    @Test func aRetryAfterInSecondsIsTheWaitWhileAttemptsRemain() throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let client = ErrataClient.make(cache: cache)
        let error = try storageError(code: "SlowDown", headers: ["retry-after": " 7 "], client: client)
        #expect(error.response.retryAfter == .seconds(7))
        var generator = SystemRandomNumberGenerator()
        #expect(error.delay(forAttempt: 1) == .seconds(7) && error.delay(forAttempt: 2, using: &generator) == .seconds(7))
        #expect(error.delay(forAttempt: 3) == nil)
        for value in ["Wed, 21 Oct 2026 07:28:00 GMT", "-1", "+3", "1.5", ""] {
            let other = try storageError(code: "SlowDown", headers: ["Retry-After": value], client: client)
            #expect(other.response.retryAfter == nil, "Retry-After: \(value)")
            #expect(other.delay(forAttempt: 1) == .milliseconds(500))
        }
    }

    @Test func errorsRetryingCannotFixHaveNoDelay() throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let client = ErrataClient.make(cache: cache)
        // A known code, and an unknown one whose generic answer (a 400: a client error) is never retried.
        for code in ["NoSuchKey", "NoSuchKye"] {
            let error = try storageError(code: code, headers: ["Retry-After": "3"], client: client)
            #expect(!error.isRetryable && error.retryPolicy == nil)
            #expect(error.delay(forAttempt: 1) == nil)
        }
        let internalError = try storageError(code: "InternalError", client: client)
        #expect(internalError.isRetryable && internalError.delay(forAttempt: 1) == .milliseconds(100))
    }

    @Test func theDeveloperHintIsPartOfTheExplanation() throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let error = try #require(ErrataClient.make(cache: cache).storageError(responseBody: Data(Self.slowDownXML.utf8), locale: "zh-TW"))
        let expected = Documents.localizations[TextKey(entry: EntryKey(code: ErrorCode("SlowDown")), locale: LanguageTag(rawValue: "zh-Hant")!, field: .developerHint)]
        #expect(expected != nil && error.explanation?.developerHint == expected)
    }

    // MARK: - Cache files

    @Test func aCacheFileWithAnEntrysOwnPolicyIsRead() throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        var document = CacheFileTests.edited
        let index = try #require(document.entries.firstIndex { $0.code == ErrorCode("SlowDown") })
        document.entries[index].retryPolicy = Self.customPolicy
        try CacheFileTests.cacheFile(document: document).write(to: cache.catalogFile)
        let client = ErrataClient.make(cache: cache)
        #expect(client.revision == 5)
        #expect(try client.describe(code: ErrorCode("SlowDown")).retryPolicy == Self.customPolicy)
    }

    @Test func aCacheFileWrittenBeforeRetryPoliciesGetsTheStandardOnes() throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        var document = CacheFileTests.edited
        document.retryPolicies = nil
        let file = try CacheFileTests.cacheFile(document: document)
        #expect(!String(decoding: file, as: UTF8.self).contains("retryPolic"))
        try file.write(to: cache.catalogFile)
        let warnings = WarningLog()
        let client = ErrataClient.make(cache: cache, warnings: warnings)
        #expect(client.revision == 5 && warnings.all.isEmpty)
        #expect(try client.describe(code: ErrorCode("SlowDown")).retryPolicy == .standard(for: .throttling))
        #expect(try client.describe(code: ErrorCode("InternalError")).retryPolicy == .standard(for: .retryable))
    }
}
