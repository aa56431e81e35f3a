import Hummingbird
import HummingbirdCore
import NIOCore

extension HTTPServerBuilder {
    /// HTTP/1.1 with Errata's connection rules: a connection is closed when it idles, or takes too
    /// long to send a request, for `configuration.idleTimeout`, and after a response that went out
    /// before its request was read (an early 413).
    static func errataHTTP1(_ configuration: ServerConfiguration) -> HTTPServerBuilder {
        let timeout = TimeAmount(configuration.idleTimeout)
        return .http1(
            configuration: .init(
                additionalChannelHandlers: [EarlyResponseCloseHandler(), RequestDeadlineHandler(timeout: timeout)],
                idleTimeout: timeout
            )
        )
    }
}
