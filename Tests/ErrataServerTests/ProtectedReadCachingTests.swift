@testable import ErrataServer
import Hummingbird
import HummingbirdTesting
import Testing
import ErrataStore
import Foundation

/// With read tokens required, no read may be stored by a shared cache and handed to someone else.
@Suite struct ProtectedReadCachingTests {
    /// Every cacheable read, with the reuse rule it has when reads are public.
    static let reads: [(uri: String, publicCacheControl: String)] = [
        ("/v1/errors/NoSuchKey", "public, max-age=60"),
        ("/v1/errors", "public, max-age=60"),
        ("/v1/catalog", "public, max-age=60"),
        ("/v1/locales", "public, max-age=60"),
        ("/v1/catalog/snapshot", "no-cache"),
        ("/v1/catalog/changes?since=0", "no-cache"),
    ]

    @Test func protectedReadsArePrivateAndVaryByAuthorization() async throws {
        let service = try await TestService(configuration: ServerConfiguration(port: 0, requireReadToken: true))
        let token = try await service.store.createToken(name: "reader", scope: .read)
        try await service.test { client in
            for (uri, publicCacheControl) in Self.reads {
                let authorization: HTTPFields = [.authorization: "Bearer \(token)"]
                let response = try await client.execute(uri: uri, method: .get, headers: authorization)
                #expect(response.status == .ok, "\(uri)")
                #expect(response.headers[.cacheControl] == "private, " + publicCacheControl.replacingOccurrences(of: "public, ", with: ""), "\(uri)")
                #expect(response.headers[values: .vary].contains("Authorization"), "\(uri)")
                // A revalidation answered 304 carries the same rules.
                let tag = try #require(response.headers[.eTag])
                var conditional = authorization
                conditional[.ifNoneMatch] = tag
                let notModified = try await client.execute(uri: uri, method: .get, headers: conditional)
                #expect(notModified.status == .notModified, "\(uri)")
                #expect(notModified.headers[.cacheControl]?.hasPrefix("private") == true, "\(uri)")
                #expect(notModified.headers[.cacheControl]?.contains("public") == false, "\(uri)")
                #expect(notModified.headers[values: .vary].contains("Authorization"), "\(uri)")
            }
        }
    }

    @Test func publicReadsStayPublic() async throws {
        try await TestService().test { client in
            for (uri, publicCacheControl) in Self.reads {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.headers[.cacheControl] == publicCacheControl, "\(uri)")
                #expect(!response.headers[values: .vary].contains("Authorization"), "\(uri)")
            }
        }
    }

    @Test(arguments: [
        ("public, max-age=60", "private, max-age=60"), ("no-cache", "private, no-cache"), ("no-store", "no-store"),
        ("Public,max-age=5", "private, max-age=5"), ("private, max-age=1", "private, max-age=1"),
    ])
    func cacheControlBecomesPrivate(from: String, to: String) {
        #expect(PrivateReadsMiddleware<BasicRequestContext>.privateCacheControl(from) == to)
    }
}
