import ErrataCore
import ErrataServer
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Input meant to hurt: every kind answers a defined 4xx or JSON-RPC error, and the service keeps serving.
@Suite struct HostileInputTests {
    static let healthy = #"{"jsonrpc":"2.0","method":"errors.describe","params":{"code":"NoSuchKey"},"id":1}"#

    /// Bodies from the categories JSON parser test suites use; each must be a parse error (or, for nesting, an invalid request).
    static let malformed: [(String, [UInt8])] = [
        ("unclosed object", Array(#"{"jsonrpc":"2.0""#.utf8)),
        ("unclosed array", Array("[".utf8)),
        ("extra close", Array("{}}".utf8)),
        ("missing colon", Array(#"{"a" 1}"#.utf8)),
        ("missing value", Array(#"{"a":}"#.utf8)),
        ("bare word", Array("jsonrpc".utf8)),
        ("leading zero", Array(#"{"id":01}"#.utf8)),
        ("plus sign", Array(#"{"id":+1}"#.utf8)),
        ("hex number", Array(#"{"id":0x1}"#.utf8)),
        ("NaN", Array(#"{"id":NaN}"#.utf8)),
        ("infinite exponent", Array(#"{"id":1e999}"#.utf8)),
        ("dot only", Array(#"{"id":1.}"#.utf8)),
        ("single quotes", Array("{'a':1}".utf8)),
        ("unescaped control", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0x09, 0x22, 0x7D]),
        ("bad escape", Array(#"{"a":"\x"}"#.utf8)),
        ("short unicode escape", Array(#"{"a":"\u12"}"#.utf8)),
        ("lone surrogate", Array(#"{"a":"\ud800"}"#.utf8)),
        ("invalid UTF-8", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D]),
        ("overlong UTF-8", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC0, 0xAF, 0x22, 0x7D]),
        ("truncated UTF-8", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xE2, 0x82, 0x22, 0x7D]),
        ("byte order mark", [0xEF, 0xBB, 0xBF] + Array(healthy.utf8)),
        ("UTF-16", Array(healthy.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
        ("UTF-16 with BOM", [0xFF, 0xFE] + Array(healthy.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
        ("trailing comma", Array(#"{"jsonrpc":"2.0","method":"locales.list","id":1,}"#.utf8)),
        ("duplicate member", Array(#"{"jsonrpc":"2.0","method":"locales.list","method":"x","id":1}"#.utf8)),
        ("comment", Array(#"{"jsonrpc":"2.0" /* hi */}"#.utf8)),
        ("empty body", []),
        ("only whitespace", Array(" \n\t ".utf8)),
        ("100,000-deep nesting", Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)),
        ("100,000-deep objects", Array(String(repeating: #"{"a":"#, count: 100_000).utf8)),
    ]

    @Test func malformedBodiesGetJSONRPCErrorsAndServiceContinues() async throws {
        try await TestService().test { client in
            for (name, body) in Self.malformed {
                let response = try await client.execute(
                    uri: "/rpc", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(bytes: body)
                )
                #expect(response.status == .ok, "\(name)")
                let answer = try response.json()
                #expect([-32700, -32600].contains(answer["error"]?["code"].flatMap { if case .integer(let code) = $0 { Int(code) } else { nil } } ?? 0), "\(name): \(answer)")
                #expect(answer["id"] == .null, "\(name)")
            }
            #expect(try await client.rpc(Self.healthy).json()["result"]?["code"] == "NoSuchKey")
        }
    }

    @Test func hugeBodiesAreRefusedOnTheWireAndMemoryStaysBounded() async throws {
        try await TestService().test(.live) { client in
            let port = try #require(client.port)
            let residentBefore = Self.residentMegabytes()
            let tenMegabyteBody = Array(#"{"jsonrpc":"2.0","method":"errors.describe","params":{"code":""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: 10_000_000)
            // Each on a new connection: the server ends the connection after an early 413.
            for _ in 0..<5 {
                let answer = try await RawHTTPConnection.exchange(
                    port: port, head: "POST /rpc HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(tenMegabyteBody.count)\r\n\r\n",
                    body: tenMegabyteBody
                )
                #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
            }
            // The same past the limit in chunks, with no Content-Length up front.
            let connection = try RawHTTPConnection(port: port)
            await connection.send(Array("POST /rpc HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".utf8))
            let chunk = String(repeating: "[", count: 65_536)
            var sent = 0
            while sent < 4 << 20, await connection.send(Array("10000\r\n\(chunk)\r\n".utf8)) { sent += 65_536 }
            let answer = await connection.receive()
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
            #expect(try await client.rpc(Self.healthy).status == .ok)
            let residentAfter = Self.residentMegabytes()
            #expect(residentAfter - residentBefore < 200, "resident memory grew from \(residentBefore) MB to \(residentAfter) MB")
        }
    }

    @Test func aClientTricklingItsHeadersDoesNotHoldUpOthers() async throws {
        try await TestService().test(.live) { client in
            let port = try #require(client.port)
            // Each step waits for an answer, not for time; the generous read bound only fails a stuck test.
            let trickling = try RawHTTPConnection(port: port, timeout: 60)
            await trickling.send(Array("GET /v1/errors/NoSuchKey HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".utf8))
            for _ in 0..<20 {
                await trickling.send(Array("a".utf8))
                let response = try await client.execute(uri: "/v1/errors/SlowDown", method: .get)
                #expect(response.status == .ok)
            }
            // When it finally finishes, it is served too.
            await trickling.send(Array("b\r\n\r\n".utf8))
            #expect(await trickling.receive().hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test func absurdAcceptLanguageHeadersFallBackQuickly() async throws {
        try await TestService().test(.live) { client in
            let long = String(repeating: "zz-", count: 5_400) + "en"
            let manyRanges = (0..<1_000).map { "x\($0 % 26 + 10)y-a\($0);q=0.\($0 % 10)" }.joined(separator: ",")
            let garbage = String(repeating: ";q=;=,,\u{7F}", count: 500)
            for header in [long, manyRanges, garbage, manyRanges + ",zh-TW;q=0.001"] {
                let response = try await client.execute(uri: "/v1/errors/NoSuchKey", method: .get, headers: [.acceptLanguage: header])
                #expect(response.status == .ok)
                #expect(try response.decode(ErrorDescription.self).locale.rawValue == "en")
                let rpc = try await client.rpc(Self.healthy, headers: [.acceptLanguage: header])
                #expect(try rpc.json()["result"]?["locale"] == "en")
            }
        }
    }

    @Test func wrongContentTypesAndMethodsAreRefused() async throws {
        try await TestService().test { client in
            for contentType in ["text/plain", "application/xml", "multipart/form-data; boundary=x"] {
                let response = try await client.rpc(Self.healthy, headers: [.contentType: contentType])
                #expect(response.status == .unsupportedMediaType)
            }
            let response = try await client.execute(uri: "/rpc", method: .post, body: ByteBuffer(string: Self.healthy))
            #expect(response.status == .unsupportedMediaType)
        }
    }

    /// This process's resident memory, from /proc.
    static func residentMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }
}
