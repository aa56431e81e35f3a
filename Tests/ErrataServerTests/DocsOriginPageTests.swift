import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The pages of issue #16: where a code comes from (origin), its other spellings (aliases), and the
/// generic answers, over a live HTTP connection.
@Suite struct DocsOriginPageTests {
    @Test func anAliasAddressShowsItsEntrysPageSayingSo() async throws {
        try await TestService().test(.live) { client in
            // The entry's own page first: memoized, it must not answer the alias's address.
            try await client.execute(uri: "/docs/errors/NotSuchBucketPolicy?locale=en", method: .get) { (response) throws in
                #expect(!HTMLPage(response).html.contains("alias-notice"))
            }
            try await client.execute(uri: "/docs/errors/NoSuchBucketPolicy?locale=en", method: .get) { (response) throws in
                #expect(response.status == .ok)
                let page = HTMLPage(response)
                #expect(page.html.contains("<h1><code>NotSuchBucketPolicy</code></h1>\n<p class=\"notice alias-notice\">NoSuchBucketPolicy is another spelling of NotSuchBucketPolicy: this page describes both.</p>"))
                #expect(page.attribute("href", ofTagStartingWith: "<link rel=\"canonical\"") == "/docs/errors/NotSuchBucketPolicy?locale=en")
                #expect(page.alternates["ja"] == "/docs/errors/NotSuchBucketPolicy?locale=ja")
                #expect(page.alternates["x-default"] == "/docs/errors/NotSuchBucketPolicy")
                #expect(page.html.contains("curl &quot;$ERRATA_URL/v1/errors/NotSuchBucketPolicy?locale=en&quot;"), "the examples name the entry")
            }
            // The alias's page first in Japanese: memoized, it must not answer the entry's own address.
            try await client.execute(uri: "/docs/errors/NoSuchBucketPolicy?locale=ja", method: .get) { (response) throws in
                #expect(HTMLPage(response).html.contains("NoSuchBucketPolicy は NotSuchBucketPolicy の別の表記です。"))
            }
            try await client.execute(uri: "/docs/errors/NotSuchBucketPolicy?locale=ja", method: .get) { (response) throws in
                #expect(!HTMLPage(response).html.contains("alias-notice"))
            }
            try await client.execute(uri: "/docs/errors/KeyTooLongError?locale=zh-Hant", method: .get) { (response) throws in
                #expect(HTMLPage(response).html.contains("KeyTooLongError 是 KeyTooLong 的另一種寫法"))
            }
        }
    }

    @Test func anErrorPageSaysWhereItsCodeComesFromAndItsOtherSpellings() async throws {
        try await TestService().test(.live) { client in
            try await client.execute(uri: "/docs/errors/NotSuchBucketPolicy?locale=en", method: .get) { (response) throws in
                let html = HTMLPage(response).html
                #expect(html.contains("<dt>Origin</dt><dd class=\"origin-detail\">One of the storage service&#39;s own error codes</dd>"))
                #expect(html.contains("<dt>Also spelled</dt><dd class=\"aliases\"><code>NoSuchBucketPolicy</code> </dd>"))
                #expect(html.contains("<h3>The storage service&#39;s own message</h3>"))
            }
            try await client.execute(uri: "/docs/errors/NoSuchTagSet?locale=ko", method: .get) { (response) throws in
                let html = HTMLPage(response).html
                #expect(html.contains("<dt>출처</dt><dd class=\"origin-detail\">스토리지 서비스 목록에는 없는 S3 표준 오류 코드"))
                #expect(html.contains("<h3>S3가 이 오류 코드와 함께 반환하는 메시지</h3>"))
                #expect(!html.contains("class=\"aliases\""), "no other spelling")
            }
        }
    }

    @Test func aGenericAnswersPageSaysItAnswersUnknownCodesByStatus() async throws {
        try await TestService().test(.live) { client in
            try await client.execute(uri: "/docs/errors/UnrecognizedError?variant=permission&locale=en", method: .get) { (response) throws in
                #expect(response.status == .ok)
                let html = HTMLPage(response).html
                #expect(html.contains("<p class=\"notice generic-notice\">This is Errata&#39;s answer for an error code it does not know"))
                #expect(html.contains("<dd class=\"origin-detail\">A generic answer: Errata&#39;s explanation for an error code it does not know</dd>"))
                #expect(html.contains("<h3>When Errata gives this answer</h3>\n<blockquote lang=\"en\"><p>Any error code the catalog does not list, answered with HTTP 403.</p>"))
                #expect(html.contains("variant=missing\">missing</a> <span class=\"variant\">HTTP 404</span></li>"), "the other answers say their status")
                #expect(html.contains("<dd>403</dd>"))
            }
            try await client.execute(uri: "/docs/errors/NoSuchKey?locale=en", method: .get) { (response) throws in
                #expect(!HTMLPage(response).html.contains("generic-notice"))
            }
            try await client.execute(uri: "/docs/errors/BucketNotEmpty?variant=acl&locale=en", method: .get) { (response) throws in
                #expect(!HTMLPage(response).html.contains("<span class=\"variant\">HTTP"), "variants of one status do not repeat it")
            }
        }
    }

    @Test func theOriginFilterAndAliasSearchWorkWithoutJavaScript() async throws {
        try await TestService().test(.live) { client in
            try await client.execute(uri: "/docs?locale=en", method: .get) { (response) throws in
                let page = HTMLPage(response)
                #expect(page.html.contains("<label for=\"origin\">Origin</label>"))
                #expect(page.row(linkingTo: "/docs/errors/NoSuchTagSet?locale=en")?.contains("data-origin=\"s3\"") == true)
                #expect(page.html.contains(
                    "<code>NoSuchTagSet</code></a> <span class=\"origin origin-s3\"><span class=\"visually-hidden\">Origin: </span>S3 standard</span>"
                ))
                #expect(page.html.contains("<h2 id=\"category-unrecognized\">Codes Errata does not know</h2>"))
            }
            for (origin, count) in [("service", 57), ("s3", 62), ("generic", 6)] {
                try await client.execute(uri: "/docs?origin=\(origin)&locale=en", method: .get) { (response) throws in
                    let page = HTMLPage(response)
                    #expect(page.html.contains("\(count) of 125 errors"), "\(origin)")
                    #expect(page.html.contains("<option value=\"\(origin)\" selected>"), "\(origin)")
                }
            }
            try await client.execute(uri: "/docs?origin=s3&locale=en", method: .get) { (response) throws in
                let page = HTMLPage(response)
                #expect(page.row(linkingTo: "/docs/errors/NoSuchTagSet?locale=en")?.contains(" hidden") == false)
                #expect(page.row(linkingTo: "/docs/errors/NoSuchKey?locale=en")?.contains(" hidden") == true)
                #expect(page.html.contains("<section class=\"category\" aria-labelledby=\"category-unrecognized\" data-category hidden>"))
            }
            try await client.execute(uri: "/docs?origin=nonsense&locale=en", method: .get) { (response) throws in
                #expect(HTMLPage(response).html.contains("125 of 125 errors"), "a value the form never offers filters nothing")
            }
            try await client.execute(uri: "/docs?q=nosuchbucketpolicy&locale=zh-Hans", method: .get) { (response) throws in
                let page = HTMLPage(response)
                #expect(page.html.contains("125 个错误中的 1 个"))
                #expect(page.row(linkingTo: "/docs/errors/NotSuchBucketPolicy?locale=zh-Hans")?.contains(" hidden") == false)
            }
        }
    }

    @Test func textsOnAliasAndFilteredPagesAreRenderedInert() async throws {
        let service = try await TestService()
        let hostile = "<script>alert(1)</script> \"quoted\" & 'single'"
        _ = try await service.edits.setText(
            TextKey(entry: EntryKey(code: ErrorCode("NotSuchBucketPolicy")), locale: .english, field: .message),
            to: hostile, expected: .version(1), publish: true, note: "xss", by: TestService.root
        )
        try await service.test(.live) { client in
            for uri in ["/docs/errors/NoSuchBucketPolicy?locale=en", "/docs?locale=en&origin=service&q=NoSuchBucketPolicy"] {
                try await client.execute(uri: uri, method: .get) { (response) throws in
                    let html = HTMLPage(response).html
                    #expect(!html.contains("<script>alert"), "\(uri)")
                    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;"), "\(uri)")
                }
            }
        }
    }
}
