import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1 child channel with an ``EventLoopReadHandler`` placed just before the
/// request reaches the router (after the connection state handler, so it sees every request).
struct ErrataHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let reads: EventLoopReads
    let metrics: ServerMetrics

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let state = try pipeline.handler(type: HTTPConnectionStateHandler.self)
            try pipeline.addHandler(EventLoopReadHandler(reads: reads, metrics: metrics), position: .after(state))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
