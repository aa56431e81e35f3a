import ErrataClient
import ErrataCore
import Foundation
import Hummingbird
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
import ErrataServer
import ErrataStore
#endif

/// A client that syncs by deltas ends up with exactly what a full fetch gives: texts, review states and locales.
@Suite struct DeltaSyncEqualityTests {
    static let noSuchKey = Documents.noSuchKey

    @Test func aClientSyncedByDeltasEqualsAFullFetch() async throws {
        let cache = try TemporaryDirectory()
        let server = try await LiveServer()
        defer {
            cache.remove()
            server.remove()
        }
        let french = LanguageTag(rawValue: "fr")!
        try await server.run { (url) async throws in
            let client = ErrataClient.make(cache: cache, server: url)
            #expect(try await client.sync() == .updated(from: 0, to: 1, method: .delta))
            // An English edit marks the translations for review; a new locale gets a text.
            _ = try await server.publish(Documents.key(.remediation), text: "Check the key, then list the bucket.", at: url)
            _ = try await server.store.addLocale(french, name: "Français", author: nil)
            try await server.live.reload(from: server.store)
            _ = try await server.publish(Documents.key(.message, "fr"), text: "La clé n'existe pas.", at: url)
            #expect(try await client.sync() == .updated(from: 1, to: 4, method: .delta))

            let full = try await Self.snapshotDocument(from: url).catalog
            #expect(full.needsReview.contains(Documents.key(.remediation, "zh-Hans")))
            #expect(full.locales.map(\.tag).contains(french))
            #expect(client.snapshot.catalog == full)
            #expect(client.snapshot.locales == CatalogSnapshot(catalog: full, revision: 4).locales)
            // The same after a relaunch that replays the change log.
            #expect(ErrataClient.make(cache: cache).snapshot.catalog == full)
        }
    }

    @Test func aFeedWithoutLocalesFromAnOlderServerLeadsToAFullFetch() async throws {
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        let change = TextChange(key: Documents.key(.remediation), text: "Steps from an older server.", revision: 3)
        let server = ScriptedServer(
            changes: { _, _ in try ScriptedServer.changes(from: 0, to: 3, [change], locales: nil) },
            snapshot: { ScriptedServer.ok(try json(Documents.edited(revision: 3, message: "Fetched.", remediation: "Fetched."))) }
        )
        try await server.run { (url) async throws in
            let client = ErrataClient.make(cache: cache, server: url)
            #expect(try await client.sync() == .updated(from: 0, to: 3, method: .fullFetch))
            #expect(try client.describe(code: Self.noSuchKey.code).remediation == "Fetched.")
        }
    }

    /// `GET /v1/catalog/snapshot`, decoded.
    static func snapshotDocument(from url: URL) async throws -> CatalogDocument {
        let (data, _) = try await URLSession.shared.data(from: url.appendingPathComponent("v1/catalog/snapshot"))
        return try JSONDecoder().decode(CatalogDocument.self, from: data)
    }
}
