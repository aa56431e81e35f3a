import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `/v1/revisions/{n}/…`: reads of one published revision, cacheable for good.
@Suite struct RevisionReadTests {
    static let key = TextKey(entry: EntryKey(code: ErrorCode("NoSuchKey")), locale: .english, field: .message)

    func publish(_ service: TestService, _ text: String) async throws {
        let version = try await service.store.text(Self.key).number
        _ = try await service.edits.setText(Self.key, to: text, expected: .version(version), publish: true, note: text, by: TestService.root)
    }

    @Test func aRevisionIsServedUnderItsOwnURLForGood() async throws {
        let service = try await TestService()
        try await publish(service, "Second.")
        try await service.test { client in
            for (revision, message) in [(2, "Second."), (1, nil as String?)] {
                try await client.execute(uri: "/v1/revisions/\(revision)/errors/NoSuchKey?locale=en", method: .get) { (response) throws in
                    #expect(response.status == .ok)
                    #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
                    #expect(response.headers[.eTag] == "\"r\(revision)-en\"")
                    let description = try response.decode(ErrorDescription.self)
                    #expect(description.revision == revision)
                    if let message { #expect(description.message == message) } else { #expect(description.message != "Second.") }
                }
            }
            try await client.execute(uri: "/v1/revisions/2/catalog?locale=zh-Hant", method: .get) { (response) throws in
                #expect(response.status == .ok && response.headers[.contentLanguage] == "zh-Hant")
                #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
            }
            // The current reads stay short-lived.
            try await client.execute(uri: "/v1/errors/NoSuchKey", method: .get) { (response) throws in
                #expect(response.headers[.cacheControl] == "public, max-age=60")
            }
        }
    }

    @Test func revisionsNotPublishedOrNoLongerKeptAreProblems() async throws {
        let service = try await TestService()
        for step in 1...LiveCatalog.retainedRevisions {
            try await publish(service, "Step \(step).")
        }
        try await service.test { client in
            for (path, status, reason) in [
                ("/v1/revisions/\(LiveCatalog.retainedRevisions + 2)/errors/NoSuchKey", HTTPResponse.Status.notFound, "UnknownRevision"),
                ("/v1/revisions/1/errors/NoSuchKey", .gone, "RevisionNotKept"),
                ("/v1/revisions/0/catalog", .badRequest, "InvalidParameter"),
                ("/v1/revisions/two/catalog", .badRequest, "InvalidParameter"),
                ("/v1/revisions/2/errors/NoSuchKee", .notFound, "UnknownCode"),
            ] {
                try await client.execute(uri: path, method: .get) { (response) throws in
                    #expect(response.status == status, "\(path)")
                    #expect(try response.json()["reason"] == .string(reason), "\(path)")
                }
            }
            try await client.execute(uri: "/v1/revisions/2/catalog", method: .get) { (response) throws in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func withReadTokensRevisionReadsArePrivate() async throws {
        let service = try await TestService(configuration: ServerConfiguration(port: 0, requireReadToken: true))
        let reader = try await service.store.createToken(name: "reader", scope: .read)
        try await service.test { client in
            try await client.execute(uri: "/v1/revisions/1/catalog", method: .get) { (response) throws in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/v1/revisions/1/catalog", method: .get, headers: [.authorization: "Bearer \(reader)"]) { (response) throws in
                #expect(response.headers[.cacheControl] == "private, max-age=31536000, immutable")
                #expect(response.headers[values: .vary].contains { $0.contains("Authorization") })
            }
        }
    }
}
