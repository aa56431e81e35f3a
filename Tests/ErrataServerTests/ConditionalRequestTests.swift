import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct ConditionalRequestTests {
    @Test(arguments: [
        "\"r1-en\"", "W/\"r1-en\"", "\"r0-en\", \"r1-en\"", "*", "\"other\",W/\"r1-en\"",
    ])
    func matchingIfNoneMatchAnswersNotModified(header: String) async throws {
        try await TestService().test { client in
            for uri in ["/v1/errors/NoSuchKey", "/v1/errors", "/v1/catalog"] {
                try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: header]) { (response) throws in
                    #expect(response.status == .notModified)
                    #expect(response.body.readableBytes == 0)
                    #expect(response.headers[.eTag] == "\"r1-en\"")
                }
            }
        }
    }

    @Test(arguments: ["\"r1-zh-Hans\"", "\"r2-en\"", "r1-en", ""])
    func otherTagsGetTheBody(header: String) async throws {
        try await TestService().test { client in
            try await client.execute(uri: "/v1/errors/NoSuchKey", method: .get, headers: [.ifNoneMatch: header]) { (response) throws in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes > 0)
            }
        }
    }

    @Test func tagsDifferPerLocale() async throws {
        try await TestService().test { client in
            try await client.execute(
                uri: "/v1/errors/NoSuchKey", method: .get, headers: [.ifNoneMatch: "\"r1-en\"", .acceptLanguage: "zh-CN"]
            ) { (response) throws in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"r1-zh-Hans\"")
            }
        }
    }
}
