import ErrataStore
import Foundation
import Testing

@Suite struct TokenTests {
    @Test func createsAuthenticatesListsAndRevokes() async throws {
        let fixture = try await StoreFixture()
        defer { fixture.remove() }
        let token = try await fixture.store.createToken(name: "alice", scope: .publish)
        #expect(token.hasPrefix("errata_"))
        #expect(token.count >= 7 + 43)  // 256 bits in base64url
        let other = try await fixture.store.createToken(name: "bob", scope: .edit)
        #expect(other != token)

        let directory = try await fixture.store.tokenDirectory()
        let alice = directory.authenticate(token)
        #expect(alice?.name == "alice" && alice?.scope == .publish)
        #expect(directory.authenticate(other)?.name == "bob")
        #expect(directory.authenticate(token + "x") == nil)
        #expect(directory.authenticate("") == nil)
        let used = Date(timeIntervalSince1970: 1_800_000_000)
        try await fixture.store.recordTokenUse(["alice": used])
        try await fixture.store.recordTokenUse(["alice": used.addingTimeInterval(-60)])  // older: ignored

        let listed = try await fixture.store.tokens()
        #expect(listed.map(\.name) == ["alice", "bob"])
        #expect(listed.first?.lastUsedAt == used)
        #expect(listed.last?.lastUsedAt == nil)

        #expect(try await fixture.store.revokeToken(name: "alice"))
        #expect(try await fixture.store.revokeToken(name: "alice") == false)
        #expect(try await fixture.store.tokenDirectory().authenticate(token) == nil)
    }

    @Test func storesOnlyTheDigest() async throws {
        let fixture = try await StoreFixture()
        defer { fixture.remove() }
        let token = try await fixture.store.createToken(name: "alice", scope: .admin)
        let files = try FileManager.default.contentsOfDirectory(at: fixture.directory, includingPropertiesForKeys: nil)
        for file in files {
            let bytes = try Data(contentsOf: file)
            #expect(bytes.range(of: Data(token.utf8)) == nil, "\(file.lastPathComponent) contains the token")
        }
    }

    @Test func refusesTakenAndMalformedNames() async throws {
        let fixture = try await StoreFixture()
        defer { fixture.remove() }
        _ = try await fixture.store.createToken(name: "alice", scope: .edit)
        await #expect(throws: TokenError.self) { try await fixture.store.createToken(name: "alice", scope: .admin) }
        for name in ["", "has space", String(repeating: "a", count: 65), "名字"] {
            await #expect(throws: TokenError.self) { try await fixture.store.createToken(name: name, scope: .edit) }
        }
    }

    @Test func scopesIncludeTheLowerOnes() {
        #expect(TokenScope.admin.includes(.publish) && TokenScope.publish.includes(.edit) && TokenScope.edit.includes(.read))
        #expect(!TokenScope.edit.includes(.publish) && !TokenScope.publish.includes(.admin))
    }
}
