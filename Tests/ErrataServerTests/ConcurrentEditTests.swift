import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Many editors at once over real connections: no lost updates, no gaps, every landed change once.
@Suite struct ConcurrentEditTests {
    struct Landed: Hashable, Sendable {
        var key: String
        var text: String
        var revision: Int
    }

    @Test func fiftyEditsFromTenClients() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "editors", scope: .publish)
        let codes = ["NoSuchKey", "NoSuchBucket", "AccessDenied", "SlowDown", "InternalError"]
        let outcomes = try await service.test(.live) { client in
            let http = HTTPJSONClient(baseURL: URL(string: "http://127.0.0.1:\(client.port!)")!, token: token)
            return try await withThrowingTaskGroup(of: [Landed?].self) { group in
                for clientNumber in 0..<10 {
                    group.addTask {
                        var results: [Landed?] = []
                        for editNumber in 0..<5 {
                            let code = codes[(clientNumber + editNumber) % codes.count]
                            let params: JSONValue = ["code": .string(code), "locale": "zh-Hans", "field": "message"]
                            let read = try await http.call("admin.getText", params)
                            guard case .integer(let version) = read["result"]?["version"] else {
                                Issue.record("no version in \(read)")
                                continue
                            }
                            let text = "客户端 \(clientNumber) 的第 \(editNumber) 次修改。"
                            guard case .object(var set) = params else { continue }
                            set["text"] = .string(text)
                            set["expectedVersion"] = .integer(version)
                            set["publish"] = true
                            let answer = try await http.call("admin.setText", .object(set))
                            if case .integer(let published) = answer["result"]?["publishedRevision"] {
                                results.append(Landed(key: code, text: text, revision: Int(published)))
                            } else {
                                #expect(answer["error"]?["code"] == -32009, "neither landed nor conflicted: \(answer)")
                                results.append(nil)
                            }
                        }
                        return results
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
        }
        #expect(outcomes.count == 50)
        let landed = outcomes.compactMap { $0 }
        #expect(!landed.isEmpty)

        // Revisions strictly increase with no gaps: 1 (the seed), then one per landed edit.
        let revisions = try await service.store.revisions().map(\.number).sorted()
        #expect(revisions == Array(1...(1 + landed.count)))
        #expect(Set(landed.map(\.revision)).count == landed.count)

        // Every landed change is in the history once, at its revision.
        let history = try await service.store.history(locale: LanguageTag(rawValue: "zh-Hans"), limit: 500).filter { $0.revision > 1 }
        #expect(history.count == landed.count)
        #expect(Set(history.map { Landed(key: $0.code.rawValue, text: $0.newText, revision: $0.revision) }) == Set(landed))

        // The delta feed shows each edited text once, with its last landed text.
        let feed = try service.live.served.changes(since: 1, locale: nil)
        #expect(feed.changes.count == Set(landed.map(\.key)).count)
        for change in feed.changes {
            let last = landed.filter { $0.key == change.code.rawValue }.max { $0.revision < $1.revision }
            #expect(change.text == last?.text && change.revision == last?.revision)
        }
    }
}
