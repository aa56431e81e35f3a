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
    /// The loop's ready answers, `Date` header and meters, which both handlers use.
    let responses: ReadyResponsesByLoop
    /// Whether a ``ReadyResponseHandler`` answers from the connection's bytes.
    let answersFromBytes: Bool

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let state = try pipeline.handler(type: HTTPConnectionStateHandler.self)
            let loop = responses.responses(on: channel.eventLoop)
            try pipeline.addHandler(EventLoopReadHandler(reads: reads, loop: loop), position: .after(state))
            if answersFromBytes {
                let deadline = try pipeline.handler(type: RequestDeadlineHandler.self)
                try pipeline.addHandler(ReadyResponseHandler(reads: reads, responses: loop, deadline: deadline), position: .first)
            }
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
