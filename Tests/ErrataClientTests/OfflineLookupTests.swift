import ErrataClient
import ErrataCore
import Foundation
import Testing

/// The first use of a client: no server, no cache, only the bundled catalog.
@Suite struct OfflineLookupTests {
    @Test func bundledSnapshotMatchesLocalizations() throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let snapshot = ErrataClient.make(cache: cache).snapshot
        #expect(snapshot.revision == 0)
        // On failure: swift run errata-server snapshot --output Sources/ErrataClient/Resources/catalog-snapshot.json
        #expect(snapshot.catalog == Documents.localizations, "the bundled catalog-snapshot.json is stale")
    }

    @Test func firstLookupWorksWithNoServerAndNoCache() throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let client = ErrataClient.make(cache: cache)
        let description = try client.describe(code: ErrorCode("NoSuchKey"), locale: "zh-Hans")
        #expect(description.message == Documents.localizations[Documents.key(.message, "zh-Hans")])
        #expect(description.remediation == Documents.localizations[Documents.key(.remediation, "zh-Hans")])
        #expect(description.locale.rawValue == "zh-Hans")
        #expect(!description.fallback)
        #expect(description.httpStatus == 404)
        #expect(description.retry == .never)
        #expect(description.serviceMessage == "The specified key does not exist.")
        #expect(description.revision == 0)
        #expect(try cache.fileNames().isEmpty, "a lookup must not write")
    }

    @Test(arguments: [
        ("zh-TW", "zh-Hant", false), ("zh_CN", "zh-Hans", false), ("zh-Hant-HK", "zh-Hant", false),
        ("en-GB", "en", false), ("fr-FR", "en", true), ("not a tag", "en", true),
    ])
    func localesNegotiateLikeTheServer(requested: String, served: String, fallback: Bool) throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let description = try ErrataClient.make(cache: cache).describe(code: ErrorCode("SlowDown"), locale: requested)
        #expect(description.locale.rawValue == served)
        #expect(description.fallback == fallback)
    }

    @Test func everyTextInEveryLocaleIsNonEmpty() throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let client = ErrataClient.make(cache: cache)
        for locale in client.snapshot.locales {
            let descriptions = client.list(locale: locale.tag.rawValue)
            #expect(descriptions.count == client.snapshot.entries.count)
            for description in descriptions {
                #expect(!description.message.isEmpty && !description.remediation.isEmpty, "\(description.code)@\(locale.tag)")
            }
        }
    }

    @Test func unknownCodesAndVariantsThrowWithSuggestions() throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let client = ErrataClient.make(cache: cache)
        #expect {
            _ = try client.describe(code: ErrorCode("nosuchkey"))
        } throws: { error in
            guard case CatalogLookupError.unknownCode(_, let suggestions) = error else { return false }
            return suggestions.first == ErrorCode("NoSuchKey")
        }
        #expect(throws: CatalogLookupError.unknownVariant(ErrorCode("NoSuchKey"), VariantName("acl"), available: [])) {
            _ = try client.describe(code: ErrorCode("NoSuchKey"), variant: VariantName("acl"))
        }
    }

    @Test func variantsAndParametersAreServed() throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let client = ErrataClient.make(cache: cache)
        let acl = try client.describe(code: ErrorCode("BucketNotEmpty"), variant: VariantName("acl"), locale: "en")
        #expect(acl.variant == VariantName("acl"))
        #expect(acl.serviceMessage == "The bucket you tried to delete has acl didn't delete.")
        let large = try client.describe(code: ErrorCode("EntityTooLarge"), params: ["maxObjectSize": "7 GiB"])
        #expect(large.remediation.contains("7 GiB"))
        #expect(throws: CatalogLookupError.self) {
            _ = try client.describe(code: ErrorCode("EntityTooLarge"), params: ["nope": "1"])
        }
    }

    @Test func listFiltersByCategoryAndStatus() throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let client = ErrataClient.make(cache: cache)
        let notFound = client.list(httpStatus: 404)
        #expect(!notFound.isEmpty && notFound.allSatisfy { $0.httpStatus == 404 })
        let throttling = client.list(locale: "zh-Hant", category: ErrorCategory("throttling"))
        #expect(throttling.map(\.code).contains(ErrorCode("SlowDown")))
        #expect(throttling.allSatisfy { $0.locale.rawValue == "zh-Hant" })
    }

    @Test func keptLocalesDropTheOthersButNeverTheSource() throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let client = ErrataClient.make(cache: cache, locales: [LanguageTag(rawValue: "zh-Hans")!])
        #expect(client.snapshot.catalog.locales.map(\.tag.rawValue) == ["en", "zh-Hans"])
        let traditional = try client.describe(code: ErrorCode("NoSuchKey"), locale: "zh-TW")
        #expect(traditional.locale == .english)
        #expect(traditional.fallback)
    }
}
