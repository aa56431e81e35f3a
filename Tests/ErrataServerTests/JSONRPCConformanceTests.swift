import ErrataCore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Runs the request → expected-answer conversations in `JSONRPCConformance/*.rpc`.
@Suite struct JSONRPCConformanceTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("JSONRPCConformance")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".rpc") }.sorted()
    }

    struct Exchange: Sendable {
        var line: Int
        var request: String
        /// The expected answer, or `nil` for "HTTP 204, no body".
        var expected: JSONValue?
    }

    static func exchanges(in file: String) throws -> [Exchange] {
        let lines = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var exchanges: [Exchange] = []
        var pending: (line: Int, request: String)?
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("--> ") {
                pending = (index + 1, String(line.dropFirst(4)))
            } else if line.hasPrefix("<-- "), let request = pending {
                let answer = line.dropFirst(4)
                let expected = answer == "204" ? nil : try JSONDecoder().decode(JSONValue.self, from: Data(answer.utf8))
                exchanges.append(Exchange(line: request.line, request: request.request, expected: expected))
                pending = nil
            }
        }
        return exchanges
    }

    @Test func theSuiteHasCases() throws {
        #expect(Self.files.count >= 4)
        #expect(try Self.files.map { try Self.exchanges(in: $0).count }.reduce(0, +) >= 50)
    }

    @Test(arguments: files)
    func conversation(file: String) async throws {
        let exchanges = try Self.exchanges(in: file)
        try await TestService().test { client in
            for exchange in exchanges {
                let response = try await client.rpc(exchange.request)
                let location = "\(file):\(exchange.line)"
                guard let expected = exchange.expected else {
                    #expect(response.status == .noContent, "\(location)")
                    #expect(response.body.readableBytes == 0, "\(location)")
                    continue
                }
                #expect(response.status == .ok, "\(location)")
                let answer = try response.json()
                #expect(Self.matches(answer, expected), "\(location): got \(String(decoding: CanonicalJSON.encode(answer).prefix(400), as: UTF8.self))")
            }
        }
    }

    /// Whether `actual` has everything `expected` states: objects by the members given, arrays element by element.
    static func matches(_ actual: JSONValue, _ expected: JSONValue) -> Bool {
        switch (actual, expected) {
        case (.object(let actual), .object(let expected)):
            return expected.allSatisfy { key, value in actual[key].map { matches($0, value) } ?? false }
        case (.array(let actual), .array(let expected)):
            return actual.count == expected.count && zip(actual, expected).allSatisfy { matches($0, $1) }
        default:
            return actual == expected
        }
    }
}
