@testable import ErrataServer
import ErrataCore
import Foundation
import Testing
import ErrataStore

/// Requests that need the tokens read again at the same time share one read.
@Suite struct TokenCacheSingleFlightTests {
    @Test func concurrentRequestsOnAColdCacheReadTheStoreOnce() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let token = try await service.store.createToken(name: "reader", scope: .read)
        let reads = Locked(0)
        let cache = TokenCache(store: service.store, lifetime: .seconds(3_600)) { [store = service.store] in
            reads.withLock { $0 += 1 }
            return try await store.tokenDirectory()
        }
        let names = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<32 { group.addTask { try await cache.authenticate(token)?.name } }
            return try await group.reduce(into: [String?]()) { $0.append($1) }
        }
        #expect(names == Array(repeating: "reader", count: 32))
        #expect(reads.withLock { $0 } == 1)
    }
}
