import Hummingbird
import HummingbirdCore
import NIOCore

extension HTTPServerBuilder {
    /// HTTP/1.1 with Errata's connection rules: a connection is closed when it idles, or takes too
    /// long to send a request, for `configuration.idleTimeout`, and after a response that went out
    /// before its request was read (an early 413). With `reads`, those are answered on the event loop
    /// and counted in `metrics`; `fromBytes`, the plainest of them straight from the connection's bytes.
    static func errataHTTP1(
        _ configuration: ServerConfiguration, reads: EventLoopReads? = nil, fromBytes: Bool = true, metrics: ServerMetrics
    ) -> HTTPServerBuilder {
        let timeout = TimeAmount(configuration.idleTimeout)
        let http1Configuration = HTTP1Channel.Configuration(
            additionalChannelHandlers: [EarlyResponseCloseHandler(), RequestDeadlineHandler(timeout: timeout)],
            // `RequestDeadlineHandler` closes a connection no later than Hummingbird's idle timer would, and
            // also sees the requests `ReadyResponseHandler` answers, which that timer does not.
            idleTimeout: nil
        )
        guard let reads else { return .http1(configuration: http1Configuration) }
        let responses = ReadyResponsesByLoop(live: reads.live, metrics: metrics)
        return HTTPServerBuilder { responder in
            ErrataHTTP1Channel(
                http1: HTTP1Channel(responder: responder, configuration: http1Configuration), reads: reads, responses: responses,
                answersFromBytes: fromBytes
            )
        }
    }
}
