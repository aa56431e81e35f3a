import ErrataCore
@testable import ErrataServer
import Foundation
import Testing
import ErrataStore
import ErrataWeb

/// Bodies written by hand (``JSONWriter``) must be the bytes `JSONEncoder` would write, and
/// bodies encoded lazily must be those of the revision they are served for.
@Suite struct ServedBodiesTests {
    @Test func listingsAndDescriptionsAreTheCanonicalEncoding() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let served = service.live.served
        for locale in served.snapshot.locales.map(\.tag) {
            for fallback in [false, true] {
                let negotiation = LocaleNegotiation(locale: locale, fallback: fallback)
                let entries = Self.linked(served.snapshot.describeAll(negotiation: negotiation), by: served)
                let expected = CanonicalJSON.encode(CatalogListing(revision: served.revision, locale: locale, entries: entries))
                #expect(served.listing(negotiation: negotiation).body == expected, "\(locale) fallback \(fallback)")
                for (entry, description) in zip(served.snapshot.entries, entries) {
                    #expect(try served.describeBody(entry, negotiation: negotiation) == CanonicalJSON.encode(description))
                }
            }
            let filtered = LocaleNegotiation(locale: locale, fallback: false)
            #expect(served.listing(negotiation: filtered, httpStatus: 404).body == CanonicalJSON.encode(CatalogListing(
                revision: served.revision, locale: locale, entries: Self.linked(served.snapshot.describeAll(negotiation: filtered, httpStatus: 404), by: served)
            )))
        }
    }

    /// The descriptions with the `docsUrl` the served bodies carry.
    static func linked(_ descriptions: [ErrorDescription], by served: ServedCatalog) -> [ErrorDescription] {
        descriptions.map { description in
            var description = description
            description.docsUrl = served.links.errorPage(for: description)
            return description
        }
    }

    @Test func aPublishServesNewBodiesUnderTheNewRevision() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let before = service.live.served
        let entry = try before.snapshot.entry(code: ErrorCode("NoSuchKey"), variant: nil)
        let negotiation = LocaleNegotiation(locale: .english, fallback: false)
        let oldBody = try before.describeBody(entry, negotiation: negotiation)
        let oldListing = before.listing(negotiation: negotiation).body
        _ = try await service.edits.setText(
            TextKey(entry: entry.key, locale: .english, field: .message), to: "Gone.", expected: .version(1), publish: true, note: "p", by: TestService.root
        )
        let after = service.live.served
        #expect(after.revision == 2)
        let description = try JSONDecoder().decode(ErrorDescription.self, from: try after.describeBody(entry, negotiation: negotiation))
        #expect(description.message == "Gone." && description.revision == 2)
        #expect(after.listing(negotiation: negotiation).body != oldListing)
        // The previous revision, still held by requests in flight, keeps its own bodies.
        #expect(try before.describeBody(entry, negotiation: negotiation) == oldBody)
        #expect(try after.gzipDocument() != before.gzipDocument())
    }

    /// A describe call is answered from what it asked (kept per revision) with the body negotiation and
    /// lookup give, asked once or again, whatever decides its locale; a failing call is never kept.
    @Test func describeCallsAnswerAsNegotiationAndLookupDo() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let served = service.live.served
        let alias = try #require(served.snapshot.entries.first { !$0.aliases.isEmpty }?.aliases.first)
        let calls = [ErrorCode("NoSuchKey"), alias].flatMap { code in
            [nil, "zh-Hant", "de-CH", "xx"].flatMap { locale in
                [nil, "zh-CN,en;q=0.8", "fr"].map { ServedCatalog.DescribeCall(code: code, variant: nil, locale: locale, acceptLanguage: $0) }
            }
        }
        for call in calls + calls {
            let entry = try served.snapshot.entry(code: call.code, variant: call.variant)
            let negotiation = served.negotiate(explicit: call.locale, acceptLanguage: call.acceptLanguage)
            #expect(try served.describeBody(call) == served.describeBody(entry, negotiation: negotiation, requestedCode: call.code), "\(call)")
        }
        let unknown = ServedCatalog.DescribeCall(code: ErrorCode("NoSuchKye"), variant: nil, locale: nil, acceptLanguage: nil)
        for _ in 0..<2 {
            #expect(throws: CatalogLookupError.self) { try served.describeBody(unknown) }
        }
    }
}
