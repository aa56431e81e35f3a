@testable import ErrataServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ErrataStore

/// The client behind trusted proxies, from `X-Forwarded-For` and `Forwarded`.
@Suite struct ForwardedClientTests {
    static let proxies = ForwardedClient(trustedProxies: ["10.0.0.0/8", "2001:db8:ffff::/48", "127.0.0.1"].map { IPAddressRange($0)! })

    func client(peer: String, _ headers: HTTPFields) -> String {
        Self.proxies.address(peer: IPAddress(peer)!, headers: headers).description
    }

    @Test func addressesAndRanges() throws {
        #expect(IPAddress("192.0.2.1")?.description == "192.0.2.1")
        #expect(IPAddress("2001:DB8:0::1")?.description == "2001:db8::1")
        #expect(IPAddress("::ffff:192.0.2.1")?.description == "192.0.2.1")
        for malformed in ["", "192.0.2", "192.0.2.256", "[::1]", "::1%eth0", "192.0.2.1:80", "a::b::c", " 192.0.2.1"] {
            #expect(IPAddress(malformed) == nil, "\(malformed)")
        }
        let range = try #require(IPAddressRange("192.168.4.0/22"))
        #expect(range.contains(IPAddress("192.168.7.255")!))
        #expect(!range.contains(IPAddress("192.168.8.0")!))
        #expect(try #require(IPAddressRange("::/0")).contains(IPAddress("2001:db8::1")!))
        #expect(!(try #require(IPAddressRange("::/0")).contains(IPAddress("192.0.2.1")!)))
        #expect(try #require(IPAddressRange("0.0.0.0/0")).contains(IPAddress("192.0.2.1")!))
        #expect(try #require(IPAddressRange("2001:db8::1")).contains(IPAddress("2001:db8::1")!))
        for malformed in ["10.0.0.0/33", "10.0.0.0/", "10.0.0.0/+8", "10.0.0.0/-1", "::/129", "10.0.0/8", "/8", "10.0.0.0/8/8"] {
            #expect(IPAddressRange(malformed) == nil, "\(malformed)")
        }
    }

    @Test func anUntrustedPeerIsTheClientWhateverItSends() {
        #expect(client(peer: "192.0.2.9", [.xForwardedFor: "198.51.100.1"]) == "192.0.2.9")
        #expect(client(peer: "192.0.2.9", [.forwarded: "for=198.51.100.1"]) == "192.0.2.9")
        #expect(client(peer: "10.1.2.3", [:]) == "10.1.2.3")
    }

    @Test func xForwardedForIsWalkedFromTheRightSkippingTrustedHops() {
        #expect(client(peer: "10.1.2.3", [.xForwardedFor: "198.51.100.1"]) == "198.51.100.1")
        // What the client wrote itself (the spoofed first entry) is never reached.
        #expect(client(peer: "10.1.2.3", [.xForwardedFor: "1.1.1.1, 198.51.100.1, 10.9.9.9"]) == "198.51.100.1")
        var twoFields = HTTPFields()
        twoFields.append(HTTPField(name: .xForwardedFor, value: "1.1.1.1, 198.51.100.1"))
        twoFields.append(HTTPField(name: .xForwardedFor, value: "10.9.9.9"))
        #expect(client(peer: "10.1.2.3", twoFields) == "198.51.100.1")
        #expect(client(peer: "10.1.2.3", [.xForwardedFor: "198.51.100.1:4711"]) == "198.51.100.1")
        #expect(client(peer: "10.1.2.3", [.xForwardedFor: "2001:db8::7"]) == "2001:db8::7")
        #expect(client(peer: "10.1.2.3", [.xForwardedFor: "[2001:db8::7]:443"]) == "2001:db8::7")
        #expect(client(peer: "2001:db8:ffff::1", [.xForwardedFor: "198.51.100.1"]) == "198.51.100.1")
        #expect(client(peer: "::ffff:10.1.2.3", [.xForwardedFor: "198.51.100.1"]) == "198.51.100.1")
        // Every hop trusted: the leftmost one is the client.
        #expect(client(peer: "10.1.2.3", [.xForwardedFor: "10.0.0.1, 10.0.0.2"]) == "10.0.0.1")
    }

    @Test func malformedHopsStopTheWalkAtTheLastKnownAddress() {
        for malformed in ["unknown", "", "garbage", "198.51.100.1:port", "198.51.100.1:123456", "[2001:db8::7", "[2001:db8::7]x", "2001:db8::7:80:", "198.51.100.1 198.51.100.2"] {
            #expect(client(peer: "10.1.2.3", [.xForwardedFor: malformed]) == "10.1.2.3", "\(malformed)")
            #expect(client(peer: "10.1.2.3", [.xForwardedFor: "\(malformed), 10.0.0.7"]) == "10.0.0.7", "\(malformed)")
        }
        #expect(client(peer: "10.1.2.3", [.xForwardedFor: ",,"]) == "10.1.2.3")
    }

    @Test func forwardedIsWalkedTheSameWay() {
        #expect(client(peer: "10.1.2.3", [.forwarded: "for=198.51.100.1"]) == "198.51.100.1")
        #expect(client(peer: "10.1.2.3", [.forwarded: "For=\"198.51.100.1:4711\";proto=https;by=10.1.2.3"]) == "198.51.100.1")
        #expect(client(peer: "10.1.2.3", [.forwarded: "for=\"[2001:db8:cafe::17]:4711\""]) == "2001:db8:cafe::17")
        #expect(client(peer: "10.1.2.3", [.forwarded: "for=1.1.1.1, for=198.51.100.1;proto=http, for=10.0.0.5"]) == "198.51.100.1")
        #expect(client(peer: "10.1.2.3", [.forwarded: "proto=https;for=198.51.100.1;host=\"a,b;c\""]) == "198.51.100.1")
        #expect(client(peer: "10.1.2.3", [.forwarded: "host=\"x, for=1.1.1.1\";for=198.51.100.1"]) == "198.51.100.1")
        #expect(client(peer: "10.1.2.3", [.forwarded: "for=\"198.51\\.100.1\""]) == "198.51.100.1")
        for malformed in ["for=unknown", "for=_hidden", "for=\"198.51.100.1\"x", "proto=https", "for", "=", ";;;", "garbage;for"] {
            #expect(client(peer: "10.1.2.3", [.forwarded: malformed]) == "10.1.2.3", "\(malformed)")
            #expect(client(peer: "10.1.2.3", [.forwarded: "\(malformed), for=10.0.0.7"]) == "10.0.0.7", "\(malformed)")
        }
        // An unterminated quoted string runs to the end of the field, taking later elements with it.
        #expect(client(peer: "10.1.2.3", [.forwarded: "for=\"198.51.100.1, for=10.0.0.7"]) == "10.1.2.3")
    }

    @Test func xForwardedForWinsOverForwarded() {
        // A proxy that maintains X-Forwarded-For passes a client's own Forwarded header through untouched.
        #expect(client(peer: "10.1.2.3", [.xForwardedFor: "198.51.100.1", .forwarded: "for=1.1.1.1"]) == "198.51.100.1")
    }
}

/// Failure throttling never locks out a caller with a valid token, and counts failures per client.
@Suite struct AuthFailureThrottleTests {
    func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

    /// Whether a read is refused as throttled, with a wait within the window.
    func isThrottled(_ access: AccessControl, _ headers: HTTPFields, from peer: String) async throws -> Bool {
        do {
            _ = try await access.authorize(.read, headers: headers, peer: peer)
            return false
        } catch AccessError.throttled(let seconds) {
            return (1...60).contains(seconds)
        } catch is AccessError {
            return false
        }
    }

    @Test func aThrottledAddressWithAKnownTokenGetsThroughAndGuessesNeverReachTheDatabase() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let known = try await service.store.createToken(name: "known", scope: .read)
        let access = AccessControl(store: service.store, requireReadToken: true, tokenCacheLifetime: .seconds(3_600), maximumFailures: 3)
        #expect(try await access.authorize(.read, headers: bearer(known), peer: "198.51.100.1")?.name == "known")
        for _ in 0..<3 {
            await #expect(throws: AccessError.unauthorized(tokenPresented: true)) {
                try await access.authorize(.read, headers: bearer("errata_guess"), peer: "198.51.100.1")
            }
        }
        #expect(try await isThrottled(access, bearer("errata_guess"), from: "198.51.100.1"))
        #expect(try await isThrottled(access, [:], from: "198.51.100.1"))
        #expect(try await access.authorize(.read, headers: bearer(known), peer: "198.51.100.1")?.name == "known")
        // A token created since the tokens were read is unknown in memory: from the throttled
        // address it is refused, which shows the database was not read for it.
        let late = try await service.store.createToken(name: "late", scope: .read)
        #expect(try await isThrottled(access, bearer(late), from: "198.51.100.1"))
        // Another address is not throttled, and reading the store finds the new token.
        #expect(try await access.authorize(.read, headers: bearer(late), peer: "198.51.100.2")?.name == "late")
    }

    @Test func aThrottledAddressWithAValidTokenNotYetInMemoryGetsThroughOnceTheCopyIsStale() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        // A zero lifetime: every authentication may read the tokens again, guesses included.
        let access = AccessControl(store: service.store, requireReadToken: true, tokenCacheLifetime: .zero, maximumFailures: 3)
        for _ in 0..<3 {
            await #expect(throws: AccessError.unauthorized(tokenPresented: true)) {
                try await access.authorize(.read, headers: bearer("errata_guess"), peer: "198.51.100.1")
            }
        }
        #expect(try await isThrottled(access, bearer("errata_guess"), from: "198.51.100.1"))
        let valid = try await service.store.createToken(name: "valid", scope: .read)
        #expect(try await access.authorize(.read, headers: bearer(valid), peer: "198.51.100.1")?.name == "valid")
        #expect(try await isThrottled(access, bearer("errata_guess"), from: "198.51.100.1"))
    }

    @Test func behindATrustedProxyFailuresCountPerForwardedClient() async throws {
        var service = try await TestService()
        service.configuration.requireReadToken = true
        service.configuration.trustedProxies = [IPAddressRange("127.0.0.1")!]
        let token = try await service.store.createToken(name: "reader", scope: .read)
        try await service.test(.live) { (client) async throws in
            func status(_ token: String, from address: String) async throws -> HTTPResponse.Status {
                try await client.execute(
                    uri: "/v1/errors/NoSuchKey", method: .get,
                    headers: [.authorization: "Bearer \(token)", .xForwardedFor: "203.0.113.7, \(address)"]
                ).status
            }
            for _ in 0..<10 { #expect(try await status("errata_guess", from: "198.51.100.1") == .unauthorized) }
            #expect(try await status("errata_guess", from: "198.51.100.1") == .tooManyRequests)
            #expect(try await status(token, from: "198.51.100.1") == .ok)
            #expect(try await status("errata_guess", from: "198.51.100.2") == .unauthorized)
            #expect(try await status(token, from: "198.51.100.2") == .ok)
        }
    }

    @Test func withoutATrustedProxyForwardingHeadersAreIgnored() async throws {
        var service = try await TestService()
        service.configuration.requireReadToken = true
        try await service.test(.live) { (client) async throws in
            func status(from address: String) async throws -> HTTPResponse.Status {
                try await client.execute(
                    uri: "/v1/errors/NoSuchKey", method: .get, headers: [.authorization: "Bearer errata_guess", .xForwardedFor: address]
                ).status
            }
            for index in 0..<10 { #expect(try await status(from: "198.51.100.\(index)") == .unauthorized) }
            #expect(try await status(from: "198.51.100.99") == .tooManyRequests)
        }
    }
}
