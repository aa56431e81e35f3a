import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Ends the connection after a response that went out before its request was read in full, such
/// as a 413 for a body over the limit.
///
/// Keeping the connection would mean reading the rest of a body nobody wants before the next
/// request; closing at once would reset the connection while the client is still sending, and
/// the reset can destroy the response before the client reads it. So the response says
/// `Connection: close`, the server's side of the connection is shut once it is sent (the client
/// reads the response and then end-of-file), and what the client still sends is read and
/// dropped until its request ends, when the connection closes; ``RequestDeadlineHandler`` bounds
/// how long that may take.
final class EarlyResponseCloseHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Whether a request's head has been read and its end not yet.
    private var readingRequest = false
    /// Whether an early response was sent: the connection ends with the current request.
    private var closing = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            readingRequest = true
        case .body:
            break
        case .end:
            readingRequest = false
            if closing {
                context.fireChannelRead(data)
                context.close(promise: nil)
                return
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where readingRequest:
            closing = true
            head.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end where closing:
            context.writeAndFlush(data, promise: promise)
            context.close(mode: .output, promise: nil)
        default:
            context.write(data, promise: promise)
        }
    }
}
