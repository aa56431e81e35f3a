import ErrataCore
import ErrataStore
import Foundation
import Testing

/// SIGKILL while editors stream edits and publishes: acknowledged publishes survive, nothing is half-applied.
@Suite struct CrashRecoveryTests {
    struct Acknowledged: Hashable, Sendable {
        var code: String
        var text: String
        var revision: Int
    }

    @Test func killedMidPublishRestartsConsistent() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errata-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("errata.sqlite").path
        let token = try await CatalogStore(path: database, logger: TestService.logger).createToken(name: "editor", scope: .publish)

        let server = try await ServerProcess(database: database, localizations: TestService.localizations)
        let http = HTTPJSONClient(baseURL: server.baseURL, token: token)
        let acknowledged = Locked<[Acknowledged]>([])
        let codes = ["NoSuchKey", "NoSuchBucket", "AccessDenied", "SlowDown"]

        // Each editor owns one text, so every edit should land until the server dies.
        let editors = Task {
            await withTaskGroup(of: Void.self) { group in
                for code in codes {
                    group.addTask {
                        var expected = 1
                        for number in 0..<10_000 {
                            let text = "\(code) edit \(number)."
                            let params: JSONValue = [
                                "code": .string(code), "locale": "en", "field": "message", "text": .string(text),
                                "expectedVersion": .integer(Int64(expected)), "publish": true,
                            ]
                            guard let answer = try? await http.call("admin.setText", params),
                                case .integer(let revision) = answer["result"]?["publishedRevision"]
                            else { return }  // the server is gone
                            expected = Int(revision)
                            acknowledged.withLock { $0.append(Acknowledged(code: code, text: text, revision: Int(revision))) }
                        }
                    }
                }
            }
        }
        let deadline = Date().addingTimeInterval(60)
        while acknowledged.withLock({ $0.count }) < 40, Date() < deadline { await Task.yield() }
        server.kill()
        await editors.value
        let before = acknowledged.withLock { $0 }
        #expect(before.count >= 40)

        // Restart on the same files.
        let restarted = try await ServerProcess(database: database, localizations: TestService.localizations)
        defer { restarted.stop() }
        let store = try CatalogStore(path: database, logger: TestService.logger)
        #expect(try await store.integrityCheck() == ["ok"])
        #expect(try await store.synchronousSetting() == 2)

        let revisions = try await store.revisions().map(\.number).sorted()
        #expect(revisions == Array(1...(revisions.last ?? 1)), "revisions must be contiguous")
        let history = try await store.history(locale: .english, limit: CatalogStore.maximumHistoryLimit).filter { $0.revision > 1 }
        // Every acknowledged publish is there, at its revision.
        let published = Set(history.map { Acknowledged(code: $0.code.rawValue, text: $0.newText, revision: $0.revision) })
        #expect(Set(before).isSubset(of: published))
        // Nothing half-applied: every revision after the seed holds exactly one complete change.
        #expect(history.count == revisions.count - 1)
        #expect(Set(history.map(\.revision)).count == history.count)
        // The texts now are the newest change of each.
        let catalog = try #require(try await store.publishedCatalog())
        for code in codes {
            let newest = history.filter { $0.code.rawValue == code }.max { $0.revision < $1.revision }
            #expect(catalog.catalog[TextKey(entry: EntryKey(code: ErrorCode(code)), locale: .english, field: .message)] == newest?.newText)
        }
        // The restarted server serves the newest revision.
        let health = try await HTTPJSONClient(baseURL: restarted.baseURL, token: nil).call("errors.describe", ["code": "NoSuchKey"])
        #expect(health["result"]?["revision"] == .integer(Int64(revisions.last ?? 0)))
    }
}
