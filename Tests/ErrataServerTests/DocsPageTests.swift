import ErrataCore
import ErrataServer
import ErrataStore
import ErrataWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The error pages over a live HTTP connection: languages, caching, filters, 404s, escaping, security headers.
@Suite struct DocsPageTests {
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    @Test func anErrorPageInEachLocale() async throws {
        try await TestService().test(.live) { client in
            var messages: Set<String> = []
            for (header, locale) in [("en-US", "en"), ("zh-CN", "zh-Hans"), ("zh-TW", "zh-Hant"), ("ja-JP", "ja"), ("ko-KR", "ko")] {
                let etag = try await client.execute(uri: "/docs/errors/NoSuchKey", method: .get, headers: [.acceptLanguage: header]) { (response) throws in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(response.headers[.contentLanguage] == locale)
                    #expect(response.headers[.vary]?.contains("Accept-Language") == true)
                    #expect(response.headers[.eTag]?.hasPrefix("\"r1-\(locale)-p") == true)
                    #expect(response.headers[.contentSecurityPolicy] == Self.contentSecurityPolicy)
                    let page = HTMLPage(response)
                    #expect(page.attribute("lang", ofTagStartingWith: "<html") == locale)
                    #expect(page.alternates == [
                        "en": "/docs/errors/NoSuchKey?locale=en", "zh-Hans": "/docs/errors/NoSuchKey?locale=zh-Hans",
                        "zh-Hant": "/docs/errors/NoSuchKey?locale=zh-Hant", "ja": "/docs/errors/NoSuchKey?locale=ja",
                        "ko": "/docs/errors/NoSuchKey?locale=ko", "x-default": "/docs/errors/NoSuchKey",
                    ])
                    #expect(page.html.contains("The specified key does not exist."), "the service's own message")
                    #expect(page.html.contains("curl &quot;$ERRATA_URL/v1/errors/NoSuchKey?locale=\(locale)&quot;"), "the REST example")
                    #expect(page.html.contains("http://127.0.0.1:8080"), "how to set ERRATA_URL")
                    #expect(page.html.contains("&quot;method&quot;:&quot;errors.describe&quot;"), "the JSON-RPC example")
                    messages.insert(page.html.components(separatedBy: "<p class=\"message\">")[1].components(separatedBy: "</p>")[0])
                    return response.headers[.eTag]
                }
                try await client.execute(
                    uri: "/docs/errors/NoSuchKey?locale=\(locale)", method: .get, headers: [.ifNoneMatch: try #require(etag)]
                ) { (response) throws in
                    #expect(response.status == .notModified)
                    #expect(response.body.readableBytes == 0)
                }
            }
            #expect(messages.count == 5, "a message of its own in each locale")
        }
    }

    @Test func variantsLinkToEachOther() async throws {
        try await TestService().test(.live) { client in
            try await client.execute(uri: "/docs/errors/BucketNotEmpty?variant=acl&locale=zh-Hans", method: .get) { (response) throws in
                let page = HTMLPage(response)
                #expect(page.alternates["zh-Hant"] == "/docs/errors/BucketNotEmpty?locale=zh-Hant&variant=acl")
                #expect(page.html.contains("href=\"/docs/errors/BucketNotEmpty?locale=zh-Hans&amp;variant=objects\""))
                #expect(page.html.contains("href=\"/docs/errors/BucketNotEmpty?locale=zh-Hans&amp;variant=multipartUploads\""))
                #expect(!page.html.contains("variant=acl\">acl</a></li>"), "not itself")
            }
        }
    }

    @Test func theListFiltersAndSearchesWithoutJavaScript() async throws {
        try await TestService().test(.live) { client in
            try await client.execute(uri: "/docs?locale=en", method: .get) { (response) throws in
                let page = HTMLPage(response)
                #expect(page.html.contains("125 of 125 errors"))
                #expect(page.row(linkingTo: "/docs/errors/NoSuchKey?locale=en")?.contains(" hidden") == false)
                #expect(page.attribute("src", ofTagStartingWith: "<script")?.hasPrefix("/assets/docs.js?v=") == true)
            }
            try await client.execute(uri: "/docs?status=409&locale=en", method: .get) { (response) throws in
                let page = HTMLPage(response)
                #expect(page.row(linkingTo: "/docs/errors/BucketNotEmpty?locale=en&amp;variant=acl")?.contains(" hidden") == false)
                #expect(page.row(linkingTo: "/docs/errors/NoSuchKey?locale=en")?.contains(" hidden") == true)
                #expect(page.html.contains("<option value=\"409\" selected>"))
            }
            try await client.execute(uri: "/docs?q=KEY+does&retry=never&locale=en", method: .get) { (response) throws in
                let page = HTMLPage(response)
                #expect(page.row(linkingTo: "/docs/errors/NoSuchKey?locale=en")?.contains(" hidden") == false)
                #expect(page.row(linkingTo: "/docs/errors/SlowDown?locale=en")?.contains(" hidden") == true)
                #expect(page.html.contains("value=\"KEY does\""))
                #expect(page.html.contains("<option value=\"never\" selected>"))
            }
            try await client.execute(uri: "/docs?q=zzzz&locale=zh-Hant", method: .get) { (response) throws in
                let page = HTMLPage(response)
                #expect(page.html.contains("125 個錯誤中的 0 個"))
                #expect(page.html.contains("<p class=\"no-results\" data-no-results>"), "the no-results notice is shown")
            }
        }
    }

    @Test func anUnknownCodeGetsALocalized404PageWithSuggestions() async throws {
        try await TestService().test(.live) { client in
            try await client.execute(
                uri: "/docs/errors/NoSuchKee?locale=zh-Hant", method: .get, headers: [.accept: "text/html,application/xhtml+xml,*/*;q=0.8"]
            ) { (response) throws in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.contentLanguage] == "zh-Hant")
                #expect(response.headers[.contentSecurityPolicy] == Self.contentSecurityPolicy)
                let page = HTMLPage(response)
                #expect(page.html.contains("Errata 不認得錯誤碼「NoSuchKee」。"))
                #expect(page.html.contains("href=\"/docs/errors/NoSuchKey?locale=zh-Hant\""))
            }
            try await client.execute(uri: "/docs/errors/NoSuchKey?variant=nope", method: .get) { (response) throws in
                #expect(response.status == .notFound)
                #expect(HTMLPage(response).html.contains("has no variant “nope”"))
            }
            try await client.execute(uri: "/docs/errors/NoSuchKee", method: .get, headers: [.accept: "application/json"]) { (response) throws in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(try response.json()["suggestions"]?[0] == "NoSuchKey")
            }
        }
    }

    @Test func remediationTextIsRenderedInert() async throws {
        let service = try await TestService()
        let hostile = "<img src=x onerror=alert(1)> and \"quotes\" & 'apostrophes'"
        _ = try await service.edits.setText(
            TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey")), locale: .english, field: .remediation),
            to: hostile, expected: .version(1), publish: true, note: "xss", by: TestService.root
        )
        try await service.test(.live) { client in
            for uri in ["/docs/errors/NoSuchKey?locale=en", "/docs?locale=en&q=NoSuchKey"] {
                try await client.execute(uri: uri, method: .get) { (response) throws in
                    let html = HTMLPage(response).html
                    #expect(!html.contains("<img"), "\(uri)")
                    #expect(!html.contains("onerror=alert(1)>"), "\(uri)")
                }
            }
            try await client.execute(uri: "/docs/errors/NoSuchKey?locale=en", method: .get) { (response) throws in
                #expect(HTMLPage(response).html.contains("&lt;img src=x onerror=alert(1)&gt; and &quot;quotes&quot; &amp; &#39;apostrophes&#39;"))
            }
        }
    }

    @Test func aPublishChangesThePageAtOnce() async throws {
        let service = try await TestService()
        try await service.test(.live) { client in
            let before = try await client.execute(uri: "/docs/errors/SlowDown?locale=en", method: .get) { (response) throws in
                #expect(!HTMLPage(response).html.contains("Published just now."))
                return response.headers[.eTag]
            }
            _ = try await service.edits.setText(
                TextKey(entry: EntryKey(code: ErrorCode("SlowDown")), locale: .english, field: .remediation),
                to: "Published just now.", expected: .version(1), publish: true, note: "p", by: TestService.root
            )
            try await client.execute(uri: "/docs/errors/SlowDown?locale=en", method: .get, headers: [.ifNoneMatch: try #require(before)]) { (response) throws in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag]?.hasPrefix("\"r2-en-p") == true)
                #expect(HTMLPage(response).html.contains("Published just now."))
            }
        }
    }

    @Test func everyPageCarriesTheContentSecurityPolicy() async throws {
        try await TestService().test(.live) { client in
            for uri in ["/docs", "/docs?q=slow", "/docs/errors/NoSuchKey", "/docs/problems/unknown-code", "/docs/errors/Nope", "/docs/problems/nope"] {
                try await client.execute(uri: uri, method: .get) { (response) throws in
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
                    #expect(response.headers[.contentSecurityPolicy] == Self.contentSecurityPolicy, "\(uri)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                    let html = HTMLPage(response).html
                    #expect(!html.contains("<script>") && !html.contains("style="), "nothing inline: \(uri)")
                    #expect(html.contains("<a class=\"skip-link\" href=\"#content\">"), "\(uri)")
                    #expect(html.contains("<main id=\"content\""), "\(uri)")
                }
            }
        }
    }

    @Test func theStylesheetAndScriptAreCachedByContent() async throws {
        try await TestService().test(.live) { client in
            let stylesheet = try await client.execute(uri: "/docs", method: .get) { (response) throws in
                HTMLPage(response).attribute("href", ofTagStartingWith: "<link rel=\"stylesheet\"")
            }
            let href = try #require(stylesheet)
            #expect(href.hasPrefix("/assets/errata.css?v="))
            let etag = try await client.execute(uri: href, method: .get) { (response) throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
                #expect(String(buffer: response.body).contains("prefers-color-scheme: dark"))
                return response.headers[.eTag]
            }
            try await client.execute(uri: "/assets/errata.css", method: .get, headers: [.ifNoneMatch: try #require(etag)]) { (response) throws in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/assets/nothing.css", method: .get) { (response) throws in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func aLocaleWithoutPageStringsGetsEnglishChromeAroundItsTexts() async throws {
        let service = try await TestService()
        _ = try await service.edits.addLocale(try #require(LanguageTag(rawValue: "fr")), name: "Français", by: TestService.root)
        try await service.test(.live) { client in
            try await client.execute(uri: "/docs?locale=fr", method: .get) { (response) throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentLanguage] == "fr")
                let page = HTMLPage(response)
                #expect(page.attribute("lang", ofTagStartingWith: "<html") == "fr")
                #expect(page.html.contains("<h1>Storage error reference</h1>"))
                #expect(page.alternates["fr"] == "/docs?locale=fr")
                #expect(page.html.contains("hreflang=\"fr\" lang=\"fr\" aria-current=\"page\">Français</a>"))
            }
        }
    }

    @Test func withReadTokensRequiredThePagesAreReadsToo() async throws {
        try await TestService(configuration: ServerConfiguration(port: 0, requireReadToken: true)).test(.live) { client in
            try await client.execute(uri: "/docs/errors/NoSuchKey", method: .get) { (response) throws in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/client/errata.js", method: .get) { (response) throws in
                #expect(response.status == .ok, "the client holds no catalog data")
            }
        }
    }
}
