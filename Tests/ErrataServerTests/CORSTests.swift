import ErrataServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct CORSTests {
    static let console = "https://console.example.com"

    func service() async throws -> TestService {
        try await TestService(configuration: ServerConfiguration(port: 0, corsAllowedOrigins: [Self.console]))
    }

    @Test func allowedOriginGetsExactOriginAndExposedHeaders() async throws {
        try await service().test { client in
            try await client.execute(uri: "/v1/errors/NoSuchKey", method: .get, headers: [.origin: Self.console]) { (response) throws in
                #expect(response.headers[.accessControlAllowOrigin] == Self.console)
                #expect(response.headers[values: .vary].contains("Origin"))
                #expect(response.headers[.accessControlExposeHeaders]?.contains("ETag") == true)
                #expect(response.headers[.accessControlExposeHeaders]?.contains("X-Request-ID") == true)
            }
        }
    }

    @Test func otherOriginsGetNoGrant() async throws {
        try await service().test { client in
            try await client.execute(uri: "/v1/errors/NoSuchKey", method: .get, headers: [.origin: "https://evil.example"]) { (response) throws in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
                #expect(response.headers[values: .vary].contains("Origin"))
            }
        }
    }

    @Test func preflightIsAnswered() async throws {
        try await service().test { client in
            let headers: HTTPFields = [
                .origin: Self.console, .accessControlRequestMethod: "POST", .accessControlRequestHeaders: "content-type",
            ]
            try await client.execute(uri: "/rpc", method: .options, headers: headers) { (response) throws in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == Self.console)
                #expect(response.headers[.accessControlAllowMethods]?.contains("POST") == true)
                #expect(response.headers[.accessControlAllowHeaders]?.contains("Content-Type") == true)
                #expect(response.headers[.accessControlAllowHeaders]?.contains("X-Request-ID") == true)
            }
            var denied = headers
            denied[.origin] = "https://evil.example"
            try await client.execute(uri: "/rpc", method: .options, headers: denied) { (response) throws in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }

    @Test func errorsCarryCORSHeadersToo() async throws {
        try await service().test { client in
            try await client.execute(uri: "/v1/errors/Nope", method: .get, headers: [.origin: Self.console]) { (response) throws in
                #expect(response.status == .notFound)
                #expect(response.headers[.accessControlAllowOrigin] == Self.console)
            }
        }
    }
}
