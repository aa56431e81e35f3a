import ErrataCore
import ErrataServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct RESTReadTests {
    @Test func describesAnErrorInEachLocale() async throws {
        try await TestService().test { client in
            var messages: Set<String> = []
            for (header, locale) in [("en-US", "en"), ("zh-CN", "zh-Hans"), ("zh-TW", "zh-Hant")] {
                try await client.execute(uri: "/v1/errors/NoSuchKey", method: .get, headers: [.acceptLanguage: header]) { (response) throws in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentLanguage] == locale)
                    #expect(response.headers[.vary]?.contains("Accept-Language") == true)
                    #expect(response.headers[.eTag] == "\"r1-\(locale)\"")
                    #expect(response.headers[.cacheControl] == "public, max-age=60")
                    let description = try response.decode(ErrorDescription.self)
                    #expect(description.code.rawValue == "NoSuchKey" && description.httpStatus == 404)
                    #expect(description.locale.rawValue == locale && !description.fallback)
                    messages.insert(description.message)
                }
            }
            #expect(messages.count == 3)
        }
    }

    @Test func queryLocaleWinsAndUnknownLocalesFallBack() async throws {
        try await TestService().test { client in
            try await client.execute(uri: "/v1/errors/SlowDown?locale=zh-Hant", method: .get, headers: [.acceptLanguage: "zh-CN"]) { (response) throws in
                #expect(try response.decode(ErrorDescription.self).locale.rawValue == "zh-Hant")
            }
            try await client.execute(uri: "/v1/errors/SlowDown", method: .get, headers: [.acceptLanguage: "fr-FR, de;q=0.5"]) { (response) throws in
                let description = try response.decode(ErrorDescription.self)
                #expect(description.locale.rawValue == "en" && description.fallback)
                #expect(description.retry == .throttling)
                #expect(response.headers[.eTag] == "\"r1-en-fallback\"")
            }
            let absurd = String(repeating: "x-", count: 8_000) + ";q=0.5"
            try await client.execute(uri: "/v1/errors/SlowDown", method: .get, headers: [.acceptLanguage: absurd]) { (response) throws in
                #expect(response.status == .ok)
                #expect(try response.decode(ErrorDescription.self).locale.rawValue == "en")
            }
        }
    }

    @Test func selectsVariants() async throws {
        try await TestService().test { client in
            try await client.execute(uri: "/v1/errors/BucketNotEmpty?variant=multipartUploads", method: .get) { (response) throws in
                let description = try response.decode(ErrorDescription.self)
                #expect(description.variant?.rawValue == "multipartUploads")
                #expect(description.serviceMessage.contains("muti uploads"))
            }
            try await client.execute(uri: "/v1/errors/BucketNotEmpty?variant=nope", method: .get) { (response) throws in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try response.json()
                #expect(problem["reason"] == "UnknownVariant")
                #expect(problem["available"] == ["objects", "multipartUploads", "acl"])
            }
        }
    }

    @Test func unknownCodesAreProblemsWithSuggestions() async throws {
        try await TestService().test { client in
            try await client.execute(uri: "/v1/errors/nosuchkey", method: .get) { (response) throws in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try response.json()
                #expect(problem["status"] == 404)
                #expect(problem["type"] == "/docs/problems/unknown-code")
                #expect(problem["reason"] == "UnknownCode")
                #expect(problem["suggestions"] == ["NoSuchKey"])
            }
            try await client.execute(uri: "/v1/errors/" + String(repeating: "A", count: 500), method: .get) { (response) throws in
                #expect(response.status == .badRequest)
                #expect(try response.json()["reason"] == "InvalidParameter")
            }
            try await client.execute(uri: "/v1/nowhere", method: .get) { (response) throws in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test func listsWithFilters() async throws {
        try await TestService().test { client in
            try await client.execute(uri: "/v1/errors", method: .get) { (response) throws in
                let listing = try response.decode(CatalogListing.self)
                #expect(listing.entries.count == 125 && listing.revision == 1 && listing.locale.rawValue == "en")
            }
            try await client.execute(uri: "/v1/errors?httpStatus=404&locale=zh-Hans", method: .get) { (response) throws in
                let listing = try response.decode(CatalogListing.self)
                #expect(!listing.entries.isEmpty)
                #expect(listing.entries.allSatisfy { $0.httpStatus == 404 && $0.locale.rawValue == "zh-Hans" })
            }
            try await client.execute(uri: "/v1/errors?category=throttling", method: .get) { (response) throws in
                #expect(try response.decode(CatalogListing.self).entries.map(\.code.rawValue) == ["SlowDown"])
            }
            for bad in ["abc", "99", "1000", "4.5"] {
                try await client.execute(uri: "/v1/errors?httpStatus=\(bad)", method: .get) { (response) throws in
                    #expect(response.status == .badRequest)
                    #expect(try response.json()["parameter"] == "httpStatus")
                }
            }
        }
    }

    @Test func servesTheCatalogLocalesHealthAndContract() async throws {
        try await TestService().test { client in
            try await client.execute(uri: "/v1/catalog?locale=zh-Hant", method: .get) { (response) throws in
                let listing = try response.decode(CatalogListing.self)
                #expect(listing.entries.count == 125 && listing.locale.rawValue == "zh-Hant")
            }
            try await client.execute(uri: "/v1/locales", method: .get) { (response) throws in
                let locales = try response.decode([LocaleStatus].self)
                #expect(locales.map(\.tag.rawValue) == ["en", "zh-Hans", "zh-Hant", "ja", "ko"])
                #expect(locales.allSatisfy { $0.complete })
            }
            try await client.execute(uri: "/healthz", method: .get) { (response) throws in
                #expect(try response.json() == ["status": "ok", "revision": 1])
            }
            try await client.execute(uri: "/openapi.yaml", method: .get) { (response) throws in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).hasPrefix("openapi: 3.1"))
            }
        }
    }
}
