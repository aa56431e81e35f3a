import NIOConcurrencyHelpers
import NIOCore

/// The ready answers of one event loop, for the served revision: ``ReadyResponse``s by
/// ``PlainRequestHead/answerKey``, with the loop's `Date` header, request meters and request ids.
///
/// One per event loop, used only on it, so reading it takes no lock; a publish is seen through
/// ``LiveCatalog/servedGeneration`` (an atomic load) and empties it. It is bounded: past
/// ``maximumCount`` answers or ``maximumBytes`` it starts again empty, so headers that vary per
/// request (an `If-None-Match` of made-up tags, say) cost a miss each and no memory. An answer over
/// ``largestKept`` (a whole catalog listing) is made for each request: its own copy per key would
/// cost more memory than making it costs time, beside sending it.
final class ReadyResponses {
    static let maximumCount = 4096
    static let maximumBytes = 16 << 20
    static let largestKept = 256 << 10

    private let live: LiveCatalog
    /// The catalog the answers were made from, and the generation it was read at.
    private(set) var served: ServedCatalog
    private var generation: Int
    private var answers: [[UInt8]: ReadyResponse] = [:]
    private var keptBytes = 0
    var date = HTTPDateHeader()
    var meters: RequestMetersMemo
    var requestIDs = LoopRequestIDs()

    init(live: LiveCatalog, metrics: ServerMetrics) {
        self.live = live
        generation = live.servedGeneration
        served = live.served
        meters = RequestMetersMemo(metrics: metrics)
    }

    /// Forgets every answer if another catalog is served now.
    func refresh() {
        let current = live.servedGeneration
        guard current != generation else { return }
        // The generation first: the catalog read after it is at least as new, never older.
        generation = current
        served = live.served
        forget()
    }

    subscript(key: [UInt8]) -> ReadyResponse? {
        answers[key]
    }

    /// Keeps `answer` for requests with `key`.
    func keep(_ answer: ReadyResponse, for key: [UInt8]) {
        guard answer.size <= Self.largestKept else { return }
        if answers.count >= Self.maximumCount || keptBytes + answer.size > Self.maximumBytes { forget() }
        answers[key] = answer
        keptBytes += answer.size
        meters.metrics.recordReadyResponseMade()
    }

    private func forget() {
        answers.removeAll()
        keptBytes = 0
    }
}

/// Each event loop's ``ReadyResponses``, made when the loop's first connection opens.
final class ReadyResponsesByLoop: Sendable {
    private let live: LiveCatalog
    private let metrics: ServerMetrics
    private let byLoop = NIOLockedValueBox<[ObjectIdentifier: NIOLoopBound<ReadyResponses>]>([:])

    init(live: LiveCatalog, metrics: ServerMetrics) {
        self.live = live
        self.metrics = metrics
    }

    /// The ready answers of `loop`; call it on `loop`, once per connection (it takes a lock).
    func responses(on loop: any EventLoop) -> ReadyResponses {
        byLoop.withLockedValue { byLoop in
            if let found = byLoop[ObjectIdentifier(loop)] { return found.value }
            let made = ReadyResponses(live: live, metrics: metrics)
            byLoop[ObjectIdentifier(loop)] = NIOLoopBound(made, eventLoop: loop)
            return made
        }
    }
}
