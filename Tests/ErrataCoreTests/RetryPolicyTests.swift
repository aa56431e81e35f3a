import ErrataCore
import Foundation
import Testing

/// Retry policies as catalog data: the delays they give, where each entry's comes from, and how
/// `catalog.json` carries them.
@Suite struct RetryPolicyTests {
    static let throttling = RetryPolicy.standard(for: .throttling)!

    /// A generator that always draws all ones: the largest value of any range.
    struct HighestGenerator: RandomNumberGenerator {
        mutating func next() -> UInt64 { .max }
    }

    // MARK: - Delays

    @Test func theStandardPoliciesAreTheAWSSDKsStandardMode() {
        #expect(RetryPolicy.standard(for: .never) == nil)
        #expect(RetryPolicy.standard(for: .retryable) == RetryPolicy(baseDelayMs: 100, maxDelayMs: 20_000, maxAttempts: 3, honorRetryAfter: true))
        #expect(Self.throttling == RetryPolicy(baseDelayMs: 500, maxDelayMs: 20_000, maxAttempts: 3, honorRetryAfter: true))
    }

    @Test func delaysDoubleUpToTheCapAndStopAtTheLastAttempt() {
        let policy = RetryPolicy(baseDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 6, honorRetryAfter: false)
        #expect((0...7).map { policy.delay(forAttempt: $0) } == [
            nil, .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .milliseconds(1_000), nil, nil,
        ])
        #expect(Self.throttling.delay(forAttempt: 1) == .milliseconds(500))
        #expect(Self.throttling.delay(forAttempt: 2) == .seconds(1))
        #expect(Self.throttling.delay(forAttempt: 3) == nil)
    }

    @Test func aHugeAttemptNumberStaysAtTheCap() {
        let policy = RetryPolicy(baseDelayMs: 3, maxDelayMs: 20_000, maxAttempts: .max, honorRetryAfter: false)
        #expect(policy.delay(forAttempt: .max - 1) == .seconds(20))
    }

    @Test func jitterDrawsAWaitUpToTheBound() {
        var seeded = SplitMix64(seed: 42)
        let waits = (0..<200).compactMap { _ in Self.throttling.delay(forAttempt: 2, using: &seeded) }
        #expect(waits.count == 200 && waits.allSatisfy { $0 >= .zero && $0 <= .seconds(1) })
        #expect(Set(waits).count > 100)
        var highest = HighestGenerator()
        #expect(Self.throttling.delay(forAttempt: 2, using: &highest) == .seconds(1))
        #expect(Self.throttling.delay(forAttempt: 3, using: &highest) == nil)
    }

    // MARK: - Where an entry's policy comes from

    @Test func anEntrysOwnPolicyWinsOverTheCatalogsWhichWinsOverTheStandard() {
        var entry = CatalogValidatorTests.catalog(CatalogValidatorTests.valid).entries[0]
        let catalogs = RetryPolicies(throttling: RetryPolicy(baseDelayMs: 1_000, maxDelayMs: 30_000, maxAttempts: 5, honorRetryAfter: false))
        #expect(catalogs.policy(for: entry) == nil)
        entry.retry = .retryable
        #expect(catalogs.policy(for: entry) == .standard(for: .retryable))
        entry.retry = .throttling
        #expect(catalogs.policy(for: entry) == catalogs.throttling)
        entry.retryPolicy = RetryPolicy(baseDelayMs: 50, maxDelayMs: 500, maxAttempts: 2, honorRetryAfter: true)
        #expect(catalogs.policy(for: entry) == entry.retryPolicy)
    }

    @Test func unusablePoliciesAreCatalogProblems() {
        var catalog = CatalogValidatorTests.catalog(CatalogValidatorTests.valid)
        catalog.retryPolicies.retryable = RetryPolicy(baseDelayMs: 0, maxDelayMs: 10, maxAttempts: 0, honorRetryAfter: true)
        catalog.entries[0].retryPolicy = RetryPolicy(baseDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 3, honorRetryAfter: true)
        #expect(CatalogValidator.problems(in: catalog).map(\.description) == [
            "entry EntityTooLarge retry policy: an entry with retry 'never' has no retry policy",
            "catalog retry policy: baseDelayMs 0 is less than 1",
            "catalog retry policy: maxAttempts 0 is less than 1",
        ])
    }

    // MARK: - Files

    @Test func policiesRoundTripThroughCatalogJSON() throws {
        let directory = CatalogNotesTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory.url) }
        var catalog = CatalogValidatorTests.catalog(CatalogValidatorTests.valid)
        catalog.retryPolicies = RetryPolicies(retryable: .standard(for: .retryable), throttling: Self.throttling)
        catalog.entries[0].retry = .throttling
        catalog.entries[0].retryPolicy = RetryPolicy(baseDelayMs: 1_000, maxDelayMs: 8_000, maxAttempts: 4, honorRetryAfter: false)
        try directory.write(catalog)
        let manifest = try String(contentsOf: directory.manifestURL, encoding: .utf8)
        #expect(manifest.contains("""
                  "retryPolicy": {
                    "baseDelayMs": 1000,
                    "honorRetryAfter": false,
                    "maxAttempts": 4,
                    "maxDelayMs": 8000
                  },
            """))
        #expect(manifest.contains(#""retryPolicies": {"#))
        #expect(try directory.load() == catalog)

        let snapshot = CatalogSnapshot(catalog: catalog, revision: 1)
        let description = try snapshot.describe(catalog.entries[0], negotiation: LocaleNegotiation(locale: .english, fallback: false))
        #expect(description.retryPolicy == catalog.entries[0].retryPolicy)
    }

    @Test func aFileWithoutPoliciesReadsAsTheStandardOnesAndWritesNone() throws {
        let directory = CatalogNotesTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory.url) }
        var catalog = CatalogValidatorTests.catalog(CatalogValidatorTests.valid)
        catalog.entries[0].retry = .retryable
        try directory.write(catalog)
        let manifest = try String(contentsOf: directory.manifestURL, encoding: .utf8)
        #expect(!manifest.contains("retryPolic"))
        let loaded = try directory.load()
        #expect(loaded.retryPolicies.isEmpty)
        #expect(loaded.retryPolicy(for: loaded.entries[0]) == .standard(for: .retryable))
    }
}
