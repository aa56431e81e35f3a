import ErrataCore
import ErrataServer
import ErrataStore
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import Testing

/// `GET /readyz`: ready only with a readable database and before graceful shutdown; `/healthz` stays liveness.
@Suite struct ReadinessTests {
    @Test func aLiveServerIsReady() async throws {
        let service = try await TestService()
        try await service.test(.live) { client in
            try await client.execute(uri: "/readyz", method: .get) { (response) throws in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(try response.json() == ["status": "ready", "revision": 1])
            }
        }
    }

    @Test func anUnreadableDatabaseIsNotReadyButStillAlive() async throws {
        let service = try await TestService()
        try await service.test(.live) { client in
            try service.store.close()
            try await client.execute(uri: "/readyz", method: .get) { (response) throws in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try response.json()
                #expect(problem["reason"] == "NotReady")
                #expect(problem["condition"] == "database")
            }
            try await client.execute(uri: "/healthz", method: .get) { (response) throws in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func gracefulShutdownMakesTheServerNotReady() async throws {
        let service = try await TestService()
        let readiness = Readiness()
        // The signal the server runs after the application: a graceful shutdown of its group flips it.
        let group = ServiceGroup(configuration: .init(services: [DrainSignal(readiness: readiness)], logger: TestService.logger))
        try await withThrowingTaskGroup { tasks in
            tasks.addTask { try await group.run() }
            #expect(!readiness.isDraining)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(readiness.isDraining)
        try await service.test(.live, readiness: readiness) { client in
            try await client.execute(uri: "/readyz", method: .get) { (response) throws in
                #expect(response.status == .serviceUnavailable)
                #expect(try response.json()["condition"] == "draining")
            }
        }
    }
}
