import HTTPTypes
package import Prometheus

/// The service's Prometheus metrics: what `GET /metrics` answers.
///
/// All are in one registry, but for the JSON-RPC call meters (``RPCCallMetrics``), which a batch
/// records once a call and which therefore take no lock that threads share.
///
/// Metrics are made on the registry itself rather than through swift-metrics' `MetricsSystem`:
/// only the registry takes a `# HELP` text, and an instance per application keeps tests free of the
/// process-wide bootstrap. `serve` also bootstraps swift-metrics with this registry, so metrics that
/// libraries record through swift-metrics appear in the same answer. Every label is bounded: routes
/// are patterns, HTTP methods outside the standard ones and unknown JSON-RPC methods share one value.
package struct ServerMetrics: Sendable {
    /// Where every metric but the JSON-RPC call meters is kept.
    package let registry: PrometheusCollectorRegistry
    private let notModified: Counter
    private let servedRevision: Gauge
    private let publishes: Counter
    private let publishDuration: DurationHistogram
    private let catalogBuildDuration: DurationHistogram
    private let authFailures: Counter
    private let throttledRequests: Counter
    private let readyResponsesMade: Counter
    /// JSON-RPC calls, kept beside the registry so that recording a call takes no lock another thread holds.
    private let rpcCalls = RPCCallMetrics(upperBounds: durationBuckets)

    /// The label value of a JSON-RPC method the service does not have.
    package static let unknownRPCMethod = "unknown"

    /// Upper bounds of the duration histograms: 100 µs to 10 s.
    static let durationBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2.5), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    package init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        notModified = registry.makeCounter(
            descriptor: Self.named("http_not_modified", unit: "total", help: "HTTP responses 304 Not Modified: requests a client's cached copy answered.")
        )
        servedRevision = registry.makeGauge(descriptor: Self.named("served_revision", help: "The catalog revision served now."))
        publishes = registry.makeCounter(
            descriptor: Self.named(
                "publishes", unit: "total", help: "Revisions published through this server (publish, revert, locale added, text edited and published)."
            )
        )
        publishDuration = registry.makeDurationHistogram(
            descriptor: Self.named("publish_duration", unit: "seconds", help: "Time from a publishing request's start to its revision being served, in seconds."),
            buckets: Self.durationBuckets
        )
        catalogBuildDuration = registry.makeDurationHistogram(
            descriptor: Self.named(
                "catalog_build_duration", unit: "seconds",
                help: "Time to build and swap in the served catalog (snapshot) of a newly published revision, in seconds."
            ),
            buckets: Self.durationBuckets
        )
        authFailures = registry.makeCounter(
            descriptor: Self.named("auth_failures", unit: "total", help: "Failed authentications: a missing, malformed or unknown bearer token where one was needed.")
        )
        throttledRequests = registry.makeCounter(
            descriptor: Self.named("auth_throttled", unit: "total", help: "Requests refused (429) because their client address made too many failed authentications.")
        )
        readyResponsesMade = registry.makeCounter(
            descriptor: Self.named(
                "ready_responses_made", unit: "total", help: "Whole read answers made and kept on an event loop for reuse; a publish empties them."
            )
        )
    }

    /// The descriptor of `errata_<name>_<unit>` (`errata_<name>` without a unit).
    static func named(_ name: String, unit: String = "", help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "errata", metricName: name, unitName: unit, helpText: help)
    }

    // MARK: - Recording

    /// Records one HTTP request: its route pattern (never the raw path), method, status and duration.
    func recordRequest(route: String, method: HTTPRequest.Method, status: HTTPResponse.Status, duration: Duration) {
        requestMeters(route: route, method: method, status: status).record(duration)
    }

    /// Where requests of one route pattern, method and status are counted and timed.
    ///
    /// Finding them takes the registry's lock; a caller that keeps them records without it.
    func requestMeters(route: String, method: HTTPRequest.Method, status: HTTPResponse.Status) -> RequestMeters {
        let method = Self.standardMethods.contains(method) ? method.rawValue : "other"
        return RequestMeters(
            requests: registry.makeCounter(
                descriptor: Self.named("http_requests", unit: "total", help: "HTTP requests answered, by route pattern, method and status."),
                labels: [("route", route), ("method", method), ("status", String(status.code))]
            ),
            duration: registry.makeDurationHistogram(
                descriptor: Self.named(
                    "http_request_duration", unit: "seconds",
                    help: "Time to answer an HTTP request (until its response head), by route pattern and method, in seconds."
                ),
                labels: [("route", route), ("method", method)], buckets: Self.durationBuckets
            ),
            notModified: status == .notModified ? notModified : nil
        )
    }

    /// The meters of one route pattern, method and status.
    struct RequestMeters: Sendable {
        let requests: Counter
        let duration: DurationHistogram
        /// The 304 counter, for a 304's meters.
        let notModified: Counter?

        /// Records one request that took `duration`.
        func record(_ duration: Duration) {
            requests.increment()
            self.duration.record(duration)
            notModified?.increment()
        }
    }

    /// Where calls of one JSON-RPC method (``unknownRPCMethod`` for names the service does not have) are counted and timed.
    ///
    /// Finding them takes a lock: callers make them once per method and keep them.
    package func callMeters(method: String) -> CallMeters {
        CallMeters(duration: rpcCalls.histogram(method: method))
    }

    /// The meters of one JSON-RPC method: its calls are the count of their durations.
    package struct CallMeters: Sendable {
        let duration: ShardedDurationHistogram

        /// Records one call that took `duration`.
        package func record(_ duration: Duration) {
            self.duration.record(duration)
        }
    }

    /// Records a revision published through this server, and how long the request took to serve it.
    func recordPublish(duration: Duration) {
        publishes.increment()
        publishDuration.record(duration)
    }

    /// Records how long building and swapping in a newly published catalog took.
    func recordCatalogBuild(duration: Duration) {
        catalogBuildDuration.record(duration)
    }

    /// Records a failed authentication.
    func recordAuthFailure() { authFailures.increment() }

    /// Records a request refused because its address is throttled.
    func recordThrottledRequest() { throttledRequests.increment() }

    /// Counts a ready answer made: the rest of the requests it answers are not counted here.
    func recordReadyResponseMade() { readyResponsesMade.increment() }

    /// The metrics in the Prometheus text format, with the served revision set to `revision`.
    package func exposition(servedRevision revision: Int) -> [UInt8] {
        servedRevision.set(Int64(revision))
        var text = registry.emitToBuffer()
        rpcCalls.emit(into: &text)
        return text
    }

    private static let standardMethods: Set<HTTPRequest.Method> = [.get, .head, .post, .put, .patch, .delete, .options]
}
