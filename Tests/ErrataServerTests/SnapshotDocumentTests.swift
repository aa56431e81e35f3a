import CompressNIO
import ErrataCore
@testable import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Testing

/// The whole-catalog document is kept only gzip-encoded, and only by the current revision:
/// every answer is still the canonical JSON, byte for byte.
@Suite struct SnapshotDocumentTests {
    static let key = TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey")), locale: .english, field: .message)

    /// What `/v1/catalog/snapshot` answered when the document was encoded whole with `JSONEncoder`.
    static func canonicalDocument(_ served: ServedCatalog) -> Data {
        CanonicalJSON.encode(CatalogDocument(catalog: served.snapshot.catalog, revision: served.revision))
    }

    @Test func identityGzipAndRPCAnswersAreTheCanonicalDocument() async throws {
        let service = try await TestService()
        let expected = Self.canonicalDocument(service.live.served)
        try await service.test { client in
            let identity = try await client.execute(uri: "/v1/catalog/snapshot", method: .get)
            #expect(identity.status == .ok && identity.headers[.contentEncoding] == nil)
            #expect(identity.headers[values: .vary].contains("Accept-Encoding"))
            #expect(Data(buffer: identity.body) == expected)

            var gzip = try await client.execute(uri: "/v1/catalog/snapshot", method: .get, headers: [.acceptEncoding: "gzip"]).body
            // The same bytes as compressing the whole document at once made.
            #expect(Data(buffer: gzip) == CompressedBody(expected).gzip)
            #expect(Data(buffer: try gzip.decompress(with: .gzip())) == expected)

            let rpc = try await client.rpc(#"{"jsonrpc":"2.0","id":1,"method":"catalog.snapshot"}"#)
            #expect(Data(buffer: rpc.body) == Data(#"{"jsonrpc":"2.0","result":"#.utf8) + expected + Data(#","id":1}"#.utf8))

            // Revalidating costs no inflating, and HEAD gives the identity body's length.
            let tag = try #require(identity.headers[.eTag])
            #expect(try await client.execute(uri: "/v1/catalog/snapshot", method: .get, headers: [.ifNoneMatch: tag]).status == .notModified)
            let head = try await client.execute(uri: "/v1/catalog/snapshot", method: .head)
            #expect(head.headers[.contentLength] == String(expected.count))
        }
    }

    @Test func aRevisionNoLongerCurrentKeepsNoWholeCatalogBody() async throws {
        let service = try await TestService()
        let first = service.live.served
        try await service.test { client in
            let listingURI = "/v1/revisions/1/catalog?locale=zh-Hant"
            let listing = try await client.execute(uri: listingURI, method: .get, headers: [.acceptEncoding: "gzip"])
            _ = try await client.execute(uri: "/v1/catalog/snapshot", method: .get, headers: [.acceptEncoding: "gzip"])
            #expect(first.keptCatalogBodies == 2)

            let version = try await service.store.text(Self.key).number
            _ = try await service.edits.setText(Self.key, to: "Second.", expected: .version(version), publish: true, note: "n", by: TestService.root)
            #expect(service.live.served.revision == 2)
            #expect(first.keptCatalogBodies == 0)

            // The retired revision's listing is rebuilt on demand, the same bytes under the same tag, and kept again.
            let again = try await client.execute(uri: listingURI, method: .get, headers: [.acceptEncoding: "gzip"])
            #expect(again.status == .ok && again.body == listing.body && again.headers[.eTag] == listing.headers[.eTag])
            #expect(first.keptCatalogBodies == 1)
            // A request that took the retired revision just before the publish leaves no document behind.
            #expect(try first.gzipDocument() == CompressedBody(Self.canonicalDocument(first)).gzip)
            #expect(first.keptCatalogBodies == 1)
        }
    }
}
