import NIOConcurrencyHelpers
import Prometheus

/// `errata_rpc_calls_total` and `errata_rpc_call_duration_seconds` by method: one sharded histogram a
/// method, whose count is the counter.
///
/// Kept beside the Prometheus registry rather than in it, because the registry's histograms lock for
/// each observation (see ``ShardedDurationHistogram``), and a batch records one a call. Emitted after
/// the registry's metrics, in its text format, with swift-prometheus's own rendering of durations.
final class RPCCallMetrics: Sendable {
    static let callsHelp = "JSON-RPC calls run, by method."
    static let callsName = ServerMetrics.named("rpc_calls", unit: "total", help: callsHelp).name
    static let durationHelp = "Time to run a JSON-RPC call, by method, in seconds."
    static let durationName = ServerMetrics.named("rpc_call_duration", unit: "seconds", help: durationHelp).name

    private let upperBounds: [Duration]
    /// Each method's histogram, by method name; made once a method, when a dispatcher starts.
    private let histograms = NIOLockedValueBox<[String: ShardedDurationHistogram]>([:])

    init(upperBounds: [Duration]) {
        self.upperBounds = upperBounds
    }

    /// The histogram of `method`'s calls, made the first time.
    func histogram(method: String) -> ShardedDurationHistogram {
        histograms.withLockedValue { histograms in
            if let known = histograms[method] { return known }
            let made = ShardedDurationHistogram(upperBounds: upperBounds)
            histograms[method] = made
            return made
        }
    }

    /// Appends both metrics, every method's series sorted by method, in the Prometheus text format.
    func emit(into buffer: inout [UInt8]) {
        let series = histograms.withLockedValue { $0 }.map { (method: $0.key, counts: $0.value.counts) }.sorted { $0.method < $1.method }
        guard !series.isEmpty else { return }
        buffer.append(line: "# HELP \(Self.callsName) \(Self.callsHelp)")
        buffer.append(line: "# TYPE \(Self.callsName) counter")
        for (method, counts) in series {
            buffer.append(line: "\(Self.callsName){method=\(Self.quoted(method))} \(counts.count)")
        }
        buffer.append(line: "# HELP \(Self.durationName) \(Self.durationHelp)")
        buffer.append(line: "# TYPE \(Self.durationName) histogram")
        for (method, counts) in series {
            let label = "method=\(Self.quoted(method))"
            var cumulative = 0
            for (bound, count) in zip(upperBounds, counts.buckets) {
                cumulative += count
                buffer.append(line: "\(Self.durationName)_bucket{\(label),le=\"\(bound.bucketRepresentation)\"} \(cumulative)")
            }
            buffer.append(line: "\(Self.durationName)_bucket{\(label),le=\"+Inf\"} \(counts.count)")
            buffer.append(line: "\(Self.durationName)_sum{\(label)} \(counts.sum.bucketRepresentation)")
            buffer.append(line: "\(Self.durationName)_count{\(label)} \(counts.count)")
        }
    }

    /// A label value in quotes, escaped as the text format requires.
    private static func quoted(_ value: String) -> String {
        var quoted = "\""
        for character in value {
            switch character {
            case "\\": quoted += #"\\"#
            case "\"": quoted += #"\""#
            case "\n": quoted += #"\n"#
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }
}

extension [UInt8] {
    fileprivate mutating func append(line: String) {
        append(contentsOf: line.utf8)
        append(UInt8(ascii: "\n"))
    }
}
