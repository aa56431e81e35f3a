import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1 child channel with a ``ReadyResponseHandler`` first, before the HTTP
/// decoder, and an ``EventLoopReadHandler`` just before the request reaches the router (after the
/// connection state handler, so it sees every request the decoder reads).
struct ErrataHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let reads: EventLoopReads
    /// `nil` when nothing is answered from the connection's bytes.
    let responses: ReadyResponsesByLoop?
    let metrics: ServerMetrics

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let state = try pipeline.handler(type: HTTPConnectionStateHandler.self)
            try pipeline.addHandler(EventLoopReadHandler(reads: reads, metrics: metrics), position: .after(state))
            if let responses {
                let deadline = try pipeline.handler(type: RequestDeadlineHandler.self)
                let ready = ReadyResponseHandler(reads: reads, responses: responses.responses(on: channel.eventLoop), deadline: deadline)
                try pipeline.addHandler(ready, position: .first)
            }
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
