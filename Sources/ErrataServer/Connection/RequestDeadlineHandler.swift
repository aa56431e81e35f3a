import NIOCore
import NIOHTTPTypes

/// Closes a connection whose next request has not arrived in full, head and body, within `timeout`
/// of the connection opening or of the previous response.
///
/// Hummingbird's idle timer restarts with every part of a request it reads, so a client that
/// trickles a body would keep a connection (and the task reading it) forever; this deadline does
/// not move until the whole request is in. While a request is being answered no deadline runs.
/// Hummingbird's own idle timer is off: this deadline is never later than it.
///
/// Requests ``ReadyResponseHandler`` answers never reach this handler: it reports each answer
/// (``requestAnsweredAhead(at:)``), and a deadline that falls due moves to `timeout` after the last.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let timeout: TimeAmount
    /// Requests read in full minus responses finished: above zero, a request is being answered.
    /// Below zero when a response went out before its request was read (an early 413).
    private var unanswered = 0
    private var deadline: Scheduled<Void>?
    /// When the last request answered ahead of this handler was answered.
    private var lastAnsweredAhead: NIODeadline?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { startDeadline(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        startDeadline(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) {
            unanswered += 1
            if unanswered > 0 {
                deadline?.cancel()
                deadline = nil
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            unanswered -= 1
            if unanswered <= 0 { startDeadline(context) }
        }
        context.write(data, promise: promise)
    }

    /// Records a request answered ahead of this handler at `time` (its event loop's `now`).
    func requestAnsweredAhead(at time: NIODeadline) {
        lastAnsweredAhead = time
    }

    private func startDeadline(_ context: ChannelHandlerContext, at due: NIODeadline? = nil) {
        guard deadline == nil else { return }
        let loop = context.eventLoop
        deadline = loop.assumeIsolated().scheduleTask(deadline: due ?? loop.now + timeout) { [self] in
            deadline = nil
            if let lastAnsweredAhead, lastAnsweredAhead + timeout > loop.now {
                startDeadline(context, at: lastAnsweredAhead + timeout)
            } else {
                context.close(promise: nil)
            }
        }
    }
}
