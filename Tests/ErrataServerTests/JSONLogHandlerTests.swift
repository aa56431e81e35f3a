import ErrataCore
import ErrataServer
import Foundation
import Logging
import Testing

/// `--log-format json`: one object per line, whatever the message and metadata hold.
@Suite struct JSONLogHandlerTests {
    @Test func everyLineIsOneEscapedJSONObject() throws {
        let log = RequestLogTests.CapturedLog()
        var logger = log.logger
        logger[metadataKey: "component"] = "watcher"
        logger.warning(
            "Quote \" backslash \\ newline \n tab \t end",
            metadata: ["path": .array(["a\nb", .dictionary(["k": "v\"w"])]), "component": "override"]
        )
        let entries = try log.entries()
        let entry = try #require(entries.only)
        #expect(entry["level"] == "warning")
        #expect(entry["label"] == "errata-test")
        #expect(entry["message"] == "Quote \" backslash \\ newline \n tab \t end")
        #expect(entry["metadata"] == ["component": "override", "path": ["a\nb", ["k": "v\"w"]]])
        let timestamp = try #require(entry["timestamp"].flatMap { if case .string(let text) = $0 { text } else { nil } })
        #expect(try Date(timestamp, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true)) <= Date())
    }
}
