import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers the reads ``EventLoopReads`` knows on the connection's event loop, and passes every
/// other request on to Hummingbird's router unchanged.
///
/// It sits after Hummingbird's connection state handler, so idle timeouts, graceful shutdown and
/// the request deadline count its answers as they count the router's. Responses leave in request
/// order: while a request passed to the router is unanswered, later requests go there too.
final class EventLoopReadHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let reads: EventLoopReads
    private var date = HTTPDateHeader()
    private var meters: RequestMetersMemo
    /// Requests passed to the router whose response has not ended.
    private var routedInFlight = 0
    /// The answer to the request being read, written when its end arrives.
    private var pendingAnswer: EventLoopReads.Answer?
    /// Whether answers were written since the last flush.
    private var needsFlush = false

    init(reads: EventLoopReads, metrics: ServerMetrics) {
        self.reads = reads
        self.meters = RequestMetersMemo(metrics: metrics)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            if routedInFlight == 0, let answer = reads.answer(head, date: date.now()) {
                meters.record(answer.duration, under: answer.meterKey)
                pendingAnswer = answer
                return
            }
            routedInFlight += 1
        case .body:
            // A request without a length header has no body, so this is a routed request's.
            break
        case .end:
            if let answer = pendingAnswer {
                pendingAnswer = nil
                write(answer, context: context)
                return
            }
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // A parse error's 400 answers no routed request: never count below zero.
        if case .end = unwrapOutboundIn(data), routedInFlight > 0 { routedInFlight -= 1 }
        context.write(data, promise: promise)
    }

    private func write(_ answer: EventLoopReads.Answer, context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(.head(answer.head)), promise: nil)
        if let body = answer.body { context.write(wrapOutboundOut(.body(body)), promise: nil) }
        context.write(wrapOutboundOut(.end(nil)), promise: nil)
        needsFlush = true
    }
}
