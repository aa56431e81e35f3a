import ErrataCore
package import Foundation
package import Logging

/// A log handler writing one JSON object per line, for log shippers (`--log-format json`).
///
/// Each line has `timestamp` (ISO 8601, UTC, milliseconds), `level`, `label`, `message` and
/// `metadata` (the handler's, the provider's and the call's, in that order of precedence, each
/// value a string, array or object). It is encoded by `CanonicalJSON`, so every string is escaped
/// and a line never spans two.
package struct JSONLogHandler: LogHandler {
    package var metadata: Logger.Metadata = [:]
    package var metadataProvider: Logger.MetadataProvider?
    package var logLevel: Logger.Level = .info
    let label: String
    let write: @Sendable (Data) -> Void

    /// A handler for `label` writing each line, newline included, to `write` (stderr by default).
    package init(label: String, metadataProvider: Logger.MetadataProvider? = nil, write: @escaping @Sendable (Data) -> Void = Self.standardError) {
        self.label = label
        self.metadataProvider = metadataProvider
        self.write = write
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own = event.metadata { merged.merge(own) { _, new in new } }
        let line: JSONValue = .object([
            "timestamp": .string(Date().formatted(Self.timestampFormat)),
            "level": .string(event.level.rawValue),
            "label": .string(label),
            "message": .string(event.message.description),
            "metadata": .object(JSONObject(merged.mapValues(Self.json))),
        ])
        var data = CanonicalJSON.encode(line)
        data.append(UInt8(ascii: "\n"))
        write(data)
    }

    /// Writes `data` to standard error in one call, so lines from concurrent tasks do not interleave.
    package static func standardError(_ data: Data) {
        FileHandle.standardError.write(data)
    }

    private static let timestampFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    private static func json(_ value: Logger.MetadataValue) -> JSONValue {
        switch value {
        case .string(let string): .string(string)
        case .stringConvertible(let convertible): .string(convertible.description)
        case .array(let values): .array(values.map(json))
        case .dictionary(let values): .object(JSONObject(values.mapValues(json)))
        }
    }
}
