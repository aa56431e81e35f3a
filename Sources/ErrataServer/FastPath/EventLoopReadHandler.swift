import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers the reads ``EventLoopReads`` knows on the connection's event loop, and passes every
/// other request on to Hummingbird's router unchanged.
///
/// A `POST /rpc` it may answer is held until its body is in; when a call in it needs the router,
/// the request is passed on then, head, body and end, as it arrived.
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
    /// The event loop's `Date` header and request meters (its ready answers are ``ReadyResponseHandler``'s).
    private let loop: ReadyResponses
    /// Requests passed to the router whose response has not ended.
    private var routedInFlight = 0
    /// The answer to the request being read, written when its end arrives.
    private var pendingAnswer: EventLoopReads.Answer?
    /// The `POST /rpc` being read, held until its end arrives.
    private var pendingRPC: (head: HTTPRequest, body: ByteBuffer?)?
    /// The client's address, read once per connection.
    private var peer: String?
    /// Whether answers were written since the last flush.
    private var needsFlush = false

    init(reads: EventLoopReads, loop: ReadyResponses) {
        self.reads = reads
        self.loop = loop
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            if routedInFlight == 0 {
                if let answer = reads.answer(head, date: loop.date.now()) {
                    loop.meters.record(answer.duration, under: answer.meterKey)
                    pendingAnswer = answer
                    return
                }
                if reads.mayAnswerRPC(head) {
                    pendingRPC = (head, nil)
                    return
                }
            }
            routedInFlight += 1
        case .body(let part):
            // Other than a held `POST /rpc`'s, bodies are routed requests' (reads answered here have none).
            if var rpc = pendingRPC {
                pendingRPC = nil  // so that appending to the body does not copy it
                if rpc.body == nil { rpc.body = part } else { rpc.body!.writeImmutableBuffer(part) }
                pendingRPC = rpc
                return
            }
        case .end:
            if let answer = pendingAnswer {
                pendingAnswer = nil
                write(answer, context: context)
                return
            }
            if let rpc = pendingRPC {
                pendingRPC = nil
                answerOrRoute(rpc, end: data, context: context)
                return
            }
        }
        context.fireChannelRead(data)
    }

    /// Answers a held `POST /rpc`, or passes it on to the router.
    private func answerOrRoute(_ rpc: (head: HTTPRequest, body: ByteBuffer?), end: NIOAny, context: ChannelHandlerContext) {
        let body = rpc.body ?? ByteBuffer()
        let peer = self.peer ?? context.channel.remoteAddress?.ipAddress ?? "unknown"
        self.peer = peer
        if let answer = reads.rpcAnswer(rpc.head, body: body, peer: peer, date: loop.date.now()) {
            loop.meters.record(answer.duration, under: answer.meterKey)
            write(answer, context: context)
            return
        }
        routedInFlight += 1
        context.fireChannelRead(wrapInboundOut(.head(rpc.head)))
        if let body = rpc.body { context.fireChannelRead(wrapInboundOut(.body(body))) }
        context.fireChannelRead(end)
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
