import ErrataClient
import ErrataCore
import Foundation
import Testing
import ErrataServer
import ErrataStore

/// The client against a real `errata-server` application on an ephemeral loopback port.
@Suite struct LiveServerTests {
    static let noSuchKey = ErrorCode("NoSuchKey")
    static let remediationZh = TextKey(entry: Documents.noSuchKey, locale: LanguageTag(rawValue: "zh-Hans")!, field: .remediation)

    @Test func anAdminPublishShowsAtOnceAndAfterTheServerIsGone() async throws {
        let cache = try TemporaryDirectory()
        let server = try await LiveServer()
        defer {
            cache.remove()
            server.remove()
        }
        let newText = "请先在控制台确认对象键的大小写，再重新发起请求。"
        let url = try await server.run { (url) async throws in
            let client = ErrataClient.make(cache: cache, server: url)
            #expect(try await client.sync() == .updated(from: 0, to: 1, method: .delta))
            let revision = try await server.publish(Self.remediationZh, text: newText, at: url)
            #expect(revision == 2)
            #expect(try await client.sync() == .updated(from: 1, to: 2, method: .delta))
            let description = try client.describe(code: Self.noSuchKey, locale: "zh-CN")
            #expect(description.remediation == newText)
            #expect(description.revision == 2)
            return url
        }
        // The server is gone: a new process reads the new text from the cache, and a sync fails harmlessly.
        let client = ErrataClient.make(cache: cache, server: url)
        #expect(try client.describe(code: Self.noSuchKey, locale: "zh-Hans").remediation == newText)
        await #expect {
            _ = try await client.sync()
        } throws: { error in
            guard case SyncError.unreachable = error else { return false }
            return true
        }
        #expect(client.revision == 2)
    }

    @Test func theRealServerAnswersNotModified() async throws {
        let cache = try TemporaryDirectory()
        let server = try await LiveServer()
        defer {
            cache.remove()
            server.remove()
        }
        try await server.run { (url) async throws in
            let client = ErrataClient.make(cache: cache, server: url)
            _ = try await client.sync()
            let written = try Data(contentsOf: cache.catalogFile)
            #expect(try await client.sync() == .unchanged(revision: 1))
            #expect(try Data(contentsOf: cache.catalogFile) == written)
            #expect(FileManager.default.fileExists(atPath: cache.freshnessFile.path))
        }
    }

    @Test func compactedHistoryLeadsToAFullFetch() async throws {
        let cache = try TemporaryDirectory()
        let server = try await LiveServer()
        defer {
            cache.remove()
            server.remove()
        }
        try await server.run { (url) async throws in
            _ = try await server.publish(Self.remediationZh, text: "第二版的处理建议。", at: url)
            _ = try await server.publish(Self.remediationZh, text: "第三版的处理建议。", at: url)
            _ = try await server.store.compactHistory(keep: 1)
            try await server.live.reload(from: server.store)
            let client = ErrataClient.make(cache: cache, server: url)
            #expect(try await client.sync() == .updated(from: 0, to: 3, method: .fullFetch))
            #expect(try client.describe(code: Self.noSuchKey, locale: "zh-Hans").remediation == "第三版的处理建议。")
        }
    }

    @Test func aServerBehindTheCacheLeadsToAFullFetch() async throws {
        let cache = try TemporaryDirectory()
        let server = try await LiveServer()
        defer {
            cache.remove()
            server.remove()
        }
        try await server.run { (url) async throws in
            // A cache from this server's address at revision 9, as if the server had been restored from a backup.
            try CacheFileTests.cacheFile(document: Documents.edited(revision: 9, message: "Newer.", remediation: "Newer."), server: url)
                .write(to: cache.catalogFile)
            let client = ErrataClient.make(cache: cache, server: url)
            #expect(try await client.sync() == .updated(from: 9, to: 1, method: .fullFetch))
            #expect(try client.describe(code: Self.noSuchKey).message == Documents.localizations[Documents.key(.message)])
        }
    }

    @Test func aServerRequiringReadTokensIsSyncedWithOne() async throws {
        let cache = try TemporaryDirectory()
        let server = try await LiveServer()
        defer {
            cache.remove()
            server.remove()
        }
        let token = try await server.store.createToken(name: "reader", scope: .read)
        try await server.run(requireReadToken: true) { (url) async throws in
            let anonymous = ErrataClient.make(cache: cache, server: url)
            await #expect {
                _ = try await anonymous.sync()
            } throws: { error in
                guard case SyncError.unexpectedStatus(_, status: 401) = error else { return false }
                return true
            }
            let reader = ErrataClient.make(cache: cache, server: url, accessToken: token)
            #expect(try await reader.sync() == .updated(from: 0, to: 1, method: .delta))
        }
    }
}
