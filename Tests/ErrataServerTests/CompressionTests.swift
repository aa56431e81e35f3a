import CompressNIO
import ErrataCore
import ErrataServer
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Whole-catalog reads come gzip-compressed to clients that accept it, under their own entity tag.
@Suite struct CompressionTests {
    @Test(arguments: ["/v1/catalog?locale=zh-Hans", "/v1/errors?locale=zh-Hans", "/v1/catalog/snapshot"])
    func gzipWhenAccepted(uri: String) async throws {
        try await TestService().test { client in
            let plain = try await client.execute(uri: uri, method: .get)
            #expect(plain.headers[.contentEncoding] == nil)
            var compressedBody = try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "br;q=1.0, gzip;q=0.8"]) { (response) throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.headers[values: .vary].contains("Accept-Encoding"))
                #expect(response.headers[.eTag] == String(plain.headers[.eTag]!.dropLast()) + "-gzip\"")
                #expect(response.body.readableBytes * 3 < plain.body.readableBytes, "gzip should shrink JSON text a lot")
                return response.body
            }
            let inflated = try compressedBody.decompress(with: .gzip())
            #expect(inflated == plain.body)

            let gzipTag = String(plain.headers[.eTag]!.dropLast()) + "-gzip\""
            let revalidated = try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: gzipTag])
            #expect(revalidated.status == .notModified)
            // The identity tag does not match the gzip representation, and vice versa.
            let crossed = try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: plain.headers[.eTag]!])
            #expect(crossed.status == .ok)
        }
    }

    @Test(arguments: ["gzip;q=0", "identity", "deflate, br", "*;q=0", "x-gzip;q=0.000"])
    func noGzipWhenRefused(acceptEncoding: String) async throws {
        try await TestService().test { client in
            let response = try await client.execute(uri: "/v1/catalog", method: .get, headers: [.acceptEncoding: acceptEncoding])
            #expect(response.headers[.contentEncoding] == nil)
            #expect(try response.decode(CatalogListing.self).entries.count == 125)
        }
    }

    @Test func wildcardAcceptsGzip() async throws {
        try await TestService().test { client in
            let response = try await client.execute(uri: "/v1/catalog", method: .get, headers: [.acceptEncoding: "*"])
            #expect(response.headers[.contentEncoding] == "gzip")
        }
    }
}
