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

    /// How many requests have been read to their end.
    private var requestsRead = 0
    /// How many responses have begun; the next one answers request number `responsesStarted + 1`.
    private var responsesStarted = 0
    /// Whether an early response was sent: the connection ends with the current request.
    private var closing = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head, .body:
            break
        case .end:
            requestsRead += 1
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
        case .head(var head):
            // Early only if its own request is unread: a pipelined client may already have sent
            // the head of the next one, which is no reason to close.
            responsesStarted += 1
            guard requestsRead < responsesStarted else {
                context.write(data, promise: promise)
                return
            }
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
