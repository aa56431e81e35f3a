import HTTPTypes

/// The request meters one connection has recorded in, kept so that each later request is counted
/// without the metrics registry's lock (one lock for the whole process, and name checks each time).
///
/// Owned by one ``EventLoopReadHandler`` and used only on its event loop.
struct RequestMetersMemo {
    /// A route pattern, method and status: what one set of meters counts.
    struct Key: Hashable {
        var route: String
        var method: HTTPRequest.Method
        var status: HTTPResponse.Status
    }

    let metrics: ServerMetrics
    private var meters: [Key: ServerMetrics.RequestMeters] = [:]

    init(metrics: ServerMetrics) {
        self.metrics = metrics
    }

    /// Records one request under `key` that took `duration`.
    mutating func record(_ duration: Duration, under key: Key) {
        if let known = meters[key] {
            known.record(duration)
            return
        }
        let found = metrics.requestMeters(route: key.route, method: key.method, status: key.status)
        meters[key] = found
        found.record(duration)
    }
}
