import ErrataCore
import ErrataServer
import ErrataWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `docsUrl` on describe results, problem types that dereference, `--public-url`, and the client files.
@Suite struct DocsLinkTests {
    @Test func describeResultsLinkToTheirPageAsAPath() async throws {
        try await TestService().test(.live) { client in
            try await client.execute(uri: "/v1/errors/NoSuchKey?locale=zh-TW", method: .get) { (response) throws in
                #expect(try response.decode(ErrorDescription.self).docsUrl == "/docs/errors/NoSuchKey?locale=zh-Hant")
            }
            try await client.execute(uri: "/v1/errors/BucketNotEmpty?variant=acl", method: .get) { (response) throws in
                #expect(try response.decode(ErrorDescription.self).docsUrl == "/docs/errors/BucketNotEmpty?locale=en&variant=acl")
            }
            try await client.execute(uri: "/v1/errors?category=throttling", method: .get) { (response) throws in
                #expect(try response.decode(CatalogListing.self).entries.map(\.docsUrl) == ["/docs/errors/SlowDown?locale=en"])
            }
            let describe = try await client.rpc(#"{"jsonrpc":"2.0","id":1,"method":"errors.describe","params":{"code":"NoSuchKey","locale":"zh-Hans"}}"#)
            #expect(try describe.json()["result"]?["docsUrl"] == "/docs/errors/NoSuchKey?locale=zh-Hans")
            let match = try await client.rpc(
                #"{"jsonrpc":"2.0","id":1,"method":"errors.match","params":{"code":"BucketNotEmpty","serviceMessage":"The bucket you tried to delete has acl."}}"#
            )
            #expect(try match.json()["result"]?["docsUrl"]?.stringValue?.hasPrefix("/docs/errors/BucketNotEmpty?locale=en") == true)
        }
    }

    @Test func withAPublicURLLinksAreAbsolute() async throws {
        let links = try DocsLinks(publicURL: "https://errata.example.com/")
        try await TestService(configuration: .init(port: 0, docsLinks: links)).test(.live) { client in
            try await client.execute(uri: "/v1/errors/NoSuchKey?locale=zh-Hant", method: .get) { (response) throws in
                #expect(try response.decode(ErrorDescription.self).docsUrl == "https://errata.example.com/docs/errors/NoSuchKey?locale=zh-Hant")
            }
            try await client.execute(uri: "/v1/errors/NoSuchKee", method: .get) { (response) throws in
                #expect(try response.json()["type"] == "https://errata.example.com/docs/problems/unknown-code")
            }
            try await client.execute(uri: "/docs/errors/NoSuchKey?locale=en", method: .get) { (response) throws in
                let page = HTMLPage(response)
                #expect(page.alternates["zh-Hans"] == "https://errata.example.com/docs/errors/NoSuchKey?locale=zh-Hans")
                #expect(page.html.contains("curl &quot;https://errata.example.com/v1/errors/NoSuchKey?locale=en&quot;"), "examples call the public URL")
                #expect(!page.html.contains("ERRATA_URL"))
            }
        }
    }

    @Test func problemTypesDereferenceToPages() async throws {
        try await TestService().test(.live) { client in
            let type = try await client.execute(uri: "/v1/errors/NoSuchKee", method: .get) { (response) throws in
                try response.json()["type"]?.stringValue
            }
            #expect(type == "/docs/problems/unknown-code")
            try await client.execute(uri: try #require(type), method: .get, headers: [.acceptLanguage: "zh-TW"]) { (response) throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(HTMLPage(response).html.contains("未知錯誤碼"))
                #expect(HTMLPage(response).html.contains("reason: UnknownCode"))
            }
            let tokenInQuery = try await client.execute(uri: "/v1/errors?access_token=x", method: .get) { (response) throws in
                try response.json()["type"]?.stringValue
            }
            try await client.execute(uri: try #require(tokenInQuery), method: .get) { (response) throws in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func everyProblemSlugHasItsTextInEveryLocaleWithStrings() throws {
        let resources = try WebResources.bundled.get()
        let pages = DocsPages(links: DocsLinks(), resources: resources)
        #expect(pages.problemSlugs.count >= 25)
        for locale in resources.localesWithStrings {
            let strings = resources.strings(for: locale)
            #expect(strings.locale == locale)
            for slug in pages.problemSlugs {
                #expect(strings["problems.\(slug).title"] != "problems.\(slug).title", "\(locale) \(slug)")
                #expect(strings["problems.\(slug).description"] != "problems.\(slug).description", "\(locale) \(slug)")
            }
        }
        #expect(resources.localesWithStrings == ["en", "ja", "ko", "zh-Hans", "zh-Hant"].compactMap { LanguageTag(rawValue: $0) })
    }

    @Test func publicURLsAreValidated() throws {
        #expect(try DocsLinks(publicURL: "https://errata.example.com").base == "https://errata.example.com")
        #expect(try DocsLinks(publicURL: "http://10.0.0.5:8080/errata/").base == "http://10.0.0.5:8080/errata")
        for bad in ["errata.example.com", "ftp://errata.example.com", "https://", "https://x.example/?a=1", "https://x.example/#top", "https://u:p@x.example"] {
            #expect(throws: PublicURLError.self, "\(bad)") { try DocsLinks(publicURL: bad) }
        }
    }

    @Test func theClientFilesAreServedWithEntityTags() async throws {
        try await TestService(configuration: .init(port: 0, corsAllowedOrigins: ["https://console.example.com"])).test(.live) { client in
            let etag = try await client.execute(
                uri: "/client/errata.js", method: .get, headers: [.origin: "https://console.example.com"]
            ) { (response) throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(response.headers[.accessControlAllowOrigin] == "https://console.example.com")
                return response.headers[.eTag]
            }
            try await client.execute(uri: "/client/errata.js", method: .get, headers: [.ifNoneMatch: try #require(etag)]) { (response) throws in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/client/errata.d.ts", method: .get) { (response) throws in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != nil && response.headers[.eTag] != etag)
            }
            try await client.execute(uri: "/client/.hidden", method: .get) { (response) throws in
                #expect(response.status == .notFound)
            }
        }
    }
}

extension JSONValue {
    /// The string, when the value is one.
    var stringValue: String? {
        guard case .string(let string) = self else { return nil }
        return string
    }
}
