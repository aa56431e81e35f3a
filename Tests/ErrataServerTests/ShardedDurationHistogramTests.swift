@testable import ErrataServer
import Foundation
import NIOConcurrencyHelpers
import Prometheus
import Testing

/// The JSON-RPC call histogram counts what swift-prometheus's would, from any number of threads, and
/// `GET /metrics` shows it exactly as the registry shows its own histograms and counters.
@Suite struct ShardedDurationHistogramTests {
    static let bounds: [Duration] = [.microseconds(100), .milliseconds(1), .milliseconds(10)]

    @Test func anObservationEqualToABoundIsInThatBoundsBucket() {
        let histogram = ShardedDurationHistogram(upperBounds: Self.bounds)
        for duration: Duration in [.zero, .microseconds(100), .microseconds(101), .milliseconds(10), .milliseconds(11), .seconds(5)] {
            histogram.record(duration)
        }
        let counts = histogram.counts
        #expect(counts.buckets == [2, 1, 1, 2])
        #expect(counts.count == 6)
        #expect(counts.sum == .microseconds(5_021_201))
    }

    /// More threads than shards, all recording at once: nothing is lost or counted twice.
    @Test(arguments: [1, 3, ShardedDurationHistogram.defaultShardCount])
    func concurrentRecordsAreAllCounted(shardCount: Int) async {
        let histogram = ShardedDurationHistogram(upperBounds: Self.bounds, shardCount: shardCount)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<5_000 { histogram.record(.microseconds((task * 5_000 + index) % 3 * 600)) }
                }
            }
        }
        // 0, 600 and 1,200 µs in turn over 40,000 records: 13,334 of the first, 13,333 of each other.
        let counts = histogram.counts
        #expect(counts.buckets == [13_334, 13_333, 13_333, 0])
        #expect(counts.count == 40_000)
        #expect(counts.sum == .microseconds(13_333 * 600 + 13_333 * 1_200))
    }

    @Test func eachThreadKeepsItsNumberAndThreadsGetDifferentOnes() {
        let here = ThreadNumber.current
        #expect(ThreadNumber.current == here)
        let numbers = NIOLockedValueBox<[Int]>([])
        let done = DispatchGroup()
        for _ in 0..<4 {
            done.enter()
            Thread.detachNewThread {
                let number = ThreadNumber.current
                numbers.withLockedValue { $0.append(number) }
                #expect(ThreadNumber.current == number)
                done.leave()
            }
        }
        done.wait()
        #expect(Set(numbers.withLockedValue { $0 } + [here]).count == 5)
    }

    /// The call metrics' text is the text the registry writes for a counter and a histogram fed the same calls.
    @Test func theCallMetricsReadAsTheRegistrysOwn() {
        let calls = RPCCallMetrics(upperBounds: ServerMetrics.durationBuckets)
        let registry = PrometheusCollectorRegistry()
        let observations: [(String, Duration)] = [
            ("errors.describe", .microseconds(3)), ("errors.describe", .milliseconds(1)), ("errors.describe", .milliseconds(2.5)),
            ("admin.publish", .seconds(12)), ("unknown", .nanoseconds(1)), (#"a "quoted" \ name"#, .milliseconds(40)),
        ]
        for (method, duration) in observations {
            calls.histogram(method: method).record(duration)
            registry.makeCounter(descriptor: ServerMetrics.named("rpc_calls", unit: "total", help: RPCCallMetrics.callsHelp), labels: [("method", method)])
                .increment()
            registry.makeDurationHistogram(
                descriptor: ServerMetrics.named("rpc_call_duration", unit: "seconds", help: RPCCallMetrics.durationHelp),
                labels: [("method", method)], buckets: ServerMetrics.durationBuckets
            ).record(duration)
        }
        _ = calls.histogram(method: "rpc.discover")  // made, never called: at 0 in both
        registry.makeCounter(descriptor: ServerMetrics.named("rpc_calls", unit: "total", help: RPCCallMetrics.callsHelp), labels: [("method", "rpc.discover")])
        registry.makeDurationHistogram(
            descriptor: ServerMetrics.named("rpc_call_duration", unit: "seconds", help: RPCCallMetrics.durationHelp),
            labels: [("method", "rpc.discover")], buckets: ServerMetrics.durationBuckets
        )
        var ours: [UInt8] = []
        calls.emit(into: &ours)
        // The registry orders families and series as its dictionaries do: compare each family's lines as a set.
        #expect(Self.families(String(decoding: ours, as: UTF8.self)) == Self.families(registry.emitToString()))
        #expect(String(decoding: ours, as: UTF8.self).contains(#"errata_rpc_calls_total{method="a \"quoted\" \\ name"} 1"#))
    }

    @Test func noMethodsMeansNoText() {
        var text: [UInt8] = []
        RPCCallMetrics(upperBounds: Self.bounds).emit(into: &text)
        #expect(text.isEmpty)
    }

    /// Each family's `# HELP` line mapped to its lines, in any order.
    private static func families(_ text: String) -> [String: Set<String>] {
        var families: [String: Set<String>] = [:]
        var current = ""
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("# HELP ") { current = line }
            families[current, default: []].insert(line)
        }
        return families
    }
}
