#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOConcurrencyHelpers
import Synchronization

/// A duration histogram in shards, one per recording thread as far as they go, summed when read.
///
/// swift-prometheus's `Histogram` takes one lock for each observation. A batch of 50 `errors.describe`
/// calls records 50 observations in one method's histogram, and two event loops answering batches at
/// once passed that lock, and its cache line, back and forth: recording cost 12 % of a batch's CPU
/// (measured with and without it). Here each thread records into its own shard under that shard's
/// lock, which another thread takes only when threads outnumber shards, or to read the counts.
///
/// For example:
///
/// ```swift
/// let histogram = ShardedDurationHistogram(upperBounds: [.milliseconds(1), .milliseconds(10)])
/// histogram.record(.microseconds(300))
/// histogram.counts  // buckets [1, 0, 0], count 1, sum 300 µs
/// ```
final class ShardedDurationHistogram: Sendable {
    /// The buckets' upper bounds, ascending; an observation equal to a bound is in that bound's bucket.
    let upperBounds: [Duration]
    private let shards: [Shard]

    /// What was recorded: in one shard, or summed over all of them.
    struct Counts: Equatable, Sendable {
        /// Observations per bucket, not cumulative: `buckets[i]` counts those at most `upperBounds[i]`
        /// and above the bound before; the last counts those above every bound.
        var buckets: [Int]
        var sum: Duration = .zero
        var count = 0

        init(bucketCount: Int) {
            buckets = Array(repeating: 0, count: bucketCount)
        }
    }

    /// A class, so that each shard is an allocation of its own rather than a neighbour in one array.
    private final class Shard: Sendable {
        let counts: NIOLockedValueBox<Counts>

        init(bucketCount: Int) {
            counts = NIOLockedValueBox(Counts(bucketCount: bucketCount))
        }
    }

    /// - Parameters:
    ///   - upperBounds: The buckets' upper bounds, ascending.
    ///   - shardCount: How many threads can record without sharing a shard: by default twice the
    ///     processors, for the event loops (one a processor) and the threads of Swift's concurrency pool.
    init(upperBounds: [Duration], shardCount: Int = ShardedDurationHistogram.defaultShardCount) {
        precondition(zip(upperBounds, upperBounds.dropFirst()).allSatisfy { $0 < $1 }, "bounds must ascend")
        self.upperBounds = upperBounds
        self.shards = (0..<max(1, shardCount)).map { _ in Shard(bucketCount: upperBounds.count + 1) }
    }

    static let defaultShardCount = 2 * max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// Records one observation in the calling thread's shard.
    func record(_ duration: Duration) {
        let bucket = upperBounds.firstIndex { duration <= $0 } ?? upperBounds.count
        shards[ThreadNumber.current % shards.count].counts.withLockedValue { counts in
            counts.buckets[bucket] += 1
            counts.sum += duration
            counts.count += 1
        }
    }

    /// Everything recorded so far, summed over the shards.
    var counts: Counts {
        shards.reduce(into: Counts(bucketCount: upperBounds.count + 1)) { total, shard in
            let counts = shard.counts.withLockedValue { $0 }
            for index in total.buckets.indices { total.buckets[index] += counts.buckets[index] }
            total.sum += counts.sum
            total.count += counts.count
        }
    }
}

// MARK: - Thread numbers

/// A number for each thread, given out in turn the first time the thread asks: which shard it records in.
///
/// Kept in a POSIX thread-specific value, so that asking again is one `pthread_getspecific`.
enum ThreadNumber {
    /// The calling thread's number, from 0.
    static var current: Int {
        if let stored = pthread_getspecific(key) { return Int(bitPattern: stored) - 1 }
        let number = next.wrappingAdd(1, ordering: .relaxed).oldValue
        // Stored plus one: a thread without a value reads back `nil`.
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: number + 1))
        return number
    }

    private static let next = Atomic<Int>(0)

    /// The key, made once; the values it holds are numbers, not memory, so it needs no destructor.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key, nil)
        precondition(status == 0, "pthread_key_create failed: \(status)")
        return key
    }()
}
