import Hummingbird
import NIOCore

/// Answers plain cacheable reads straight from a connection's bytes with ``ReadyResponse``s, and
/// plain `POST /rpc` bodies of immediate calls, before NIO's HTTP decoder; it hands the connection
/// to the decoder at the first request that is not one.
///
/// First in the pipeline: a read it answers costs a scan of its head, a lookup in the event
/// loop's ``ReadyResponses``, and one small buffer for the response head (the body is shared);
/// a `POST /rpc`, the router's dispatcher's work (``EventLoopReads/rpcAnswer(_:body:peer:date:)``)
/// and its head written here.
/// It answers what ``PlainRequestHead`` reads and ``EventLoopReads`` answers;
/// anything else — another request, an unknown code, a call that suspends, a request it cannot read — goes with every
/// byte after it to the decoder, and from then on this handler only passes bytes through, so
/// responses keep the order of their requests and the decoder always starts at a request's first byte.
/// Until then it tells ``RequestDeadlineHandler`` of each answer, as that handler sees none of them,
/// and stops reading while the connection is not writable: a client that pipelines requests
/// without reading the answers cannot make the server hold more than the socket's buffers.
final class ReadyResponseHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    private let reads: EventLoopReads
    private let responses: ReadyResponses
    private let deadline: RequestDeadlineHandler
    /// A request head that has not arrived in full.
    private var held: ByteBuffer?
    /// Whether the decoder reads this connection now.
    private var handedOver = false
    /// Whether answers were written since the last flush.
    private var needsFlush = false
    /// The client's address, read once per connection.
    private var peer: String?
    /// Whether answering waits for the connection to become writable, and a read was asked for meanwhile.
    private var paused = false
    private var readAsked = false
    /// Whether the client has sent all it will.
    private var inputClosed = false

    init(reads: EventLoopReads, responses: ReadyResponses, deadline: RequestDeadlineHandler) {
        self.reads = reads
        self.responses = responses
        self.deadline = deadline
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !handedOver else {
            context.fireChannelRead(data)
            return
        }
        var bytes = unwrapInboundIn(data)
        if var earlier = held {
            held = nil
            earlier.writeBuffer(&bytes)
            bytes = earlier
        }
        answerRequests(in: bytes, context: context)
    }

    /// Answers the requests `bytes` hold, until one is not whole, is not answered here, or the
    /// connection cannot take more.
    private func answerRequests(in bytes: ByteBuffer, context: ChannelHandlerContext) {
        var bytes = bytes
        while bytes.readableBytes > 0 {
            guard context.channel.isWritable else {
                held = bytes
                paused = true
                return
            }
            switch PlainRequestHead.scan(bytes) {
            case .incomplete where inputClosed:
                // A request cut short is the decoder's to report, as it would be without this handler.
                handOver(bytes, context: context)
                return
            case .incomplete:
                held = bytes
                return
            case .plain(let head):
                switch answer(head, in: bytes, context: context) {
                case .answered(let length):
                    bytes.moveReaderIndex(forwardBy: length)
                case .bodyIncomplete:
                    held = bytes
                    return
                case .notHere:
                    handOver(bytes, context: context)
                    return
                }
            case .handOver:
                handOver(bytes, context: context)
                return
            }
        }
    }

    func read(context: ChannelHandlerContext) {
        guard !paused else {
            readAsked = true
            return
        }
        context.read()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if paused, context.channel.isWritable {
            paused = false
            if let bytes = held {
                held = nil
                answerRequests(in: bytes, context: context)
                flushIfNeeded(context)
            }
            if !paused, readAsked {
                readAsked = false
                context.read()
            }
        }
        context.fireChannelWritabilityChanged()
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        flushIfNeeded(context)
        context.fireChannelReadComplete()
    }

    private func flushIfNeeded(_ context: ChannelHandlerContext) {
        if needsFlush {
            needsFlush = false
            context.flush()
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event, !handedOver {
            inputClosed = true
            if !paused, let bytes = held {
                held = nil
                answerRequests(in: bytes, context: context)
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    private enum Outcome {
        /// Answered: the request took this many bytes.
        case answered(Int)
        /// A `POST` whose body has not arrived in full.
        case bodyIncomplete
        /// The router's to answer.
        case notHere
    }

    /// Writes the answer to the request `head` begins, at the reader index of `bytes`.
    private func answer(_ head: PlainRequestHead, in bytes: ByteBuffer, context: ChannelHandlerContext) -> Outcome {
        guard head.method == .post else { return read(head, context: context) ? .answered(head.length) : .notHere }
        guard let length = head.contentLength, head.target == EventLoopReads.rpcRoute,
            RPCController<EventLoopReads.Context>.isJSON(head.contentType), length <= reads.maximumBodySize
        else { return .notHere }
        guard let body = bytes.getSlice(at: bytes.readerIndex + head.length, length: length) else { return .bodyIncomplete }
        return call(head, body: body, context: context) ? .answered(head.length + length) : .notHere
    }

    /// Writes the answer to a `GET` or `HEAD`, or returns `false` when the router should answer it.
    private func read(_ head: PlainRequestHead, context: ChannelHandlerContext) -> Bool {
        guard head.contentLength == nil else { return false }
        let start = ContinuousClock.now
        responses.refresh()
        let key = head.answerKey
        let ready: ReadyResponse
        if let found = responses[key] {
            ready = found
        } else {
            guard let made = reads.readyResponse(head.request, served: responses.served) else { return false }
            responses.keep(made, for: key)
            ready = made
        }
        let given = head.requestID.flatMap { RequestLogMiddleware<EventLoopReads.Context>.isAcceptable($0) ? $0 : nil }
        let made = given == nil ? responses.requestIDs.next() : nil
        let responseHead = ready.head(date: responses.date.now(), allocator: context.channel.allocator) { buffer in
            if let given { buffer.writeString(given) } else { made?.write(to: &buffer) }
        }
        RequestLogMiddleware<EventLoopReads.Context>.log(
            head.method, route: ready.route, status: ready.status, bytes: ready.loggedBytes, since: start,
            to: reads.requestLogger(given ?? made?.description ?? "")
        )
        send(responseHead, body: ready.body, meterKey: ready.meterKey, duration: .now - start, context: context)
        return true
    }

    /// Writes the answer to a `POST /rpc` whose calls are all immediate, or returns `false` when
    /// the router should answer it (nothing was run).
    private func call(_ head: PlainRequestHead, body: ByteBuffer, context: ChannelHandlerContext) -> Bool {
        let peer = self.peer ?? context.channel.remoteAddress?.ipAddress ?? "unknown"
        self.peer = peer
        guard let answer = reads.rpcAnswer(head.request, body: body, peer: peer, date: responses.date.now()) else { return false }
        let responseHead = ReadyResponse.head(of: answer.head, bodyLength: answer.body?.readableBytes ?? 0, allocator: context.channel.allocator)
        send(responseHead, body: answer.body, meterKey: answer.meterKey, duration: answer.duration, context: context)
        return true
    }

    /// Writes an answer (flushed at the end of the read), records it under its route, and moves the idle deadline.
    private func send(
        _ head: ByteBuffer, body: ByteBuffer?, meterKey: RequestMetersMemo.Key, duration: Duration, context: ChannelHandlerContext
    ) {
        context.write(wrapOutboundOut(.byteBuffer(head)), promise: nil)
        if let body { context.write(wrapOutboundOut(.byteBuffer(body)), promise: nil) }
        needsFlush = true
        responses.meters.record(duration, under: meterKey)
        deadline.requestAnsweredAhead(at: context.eventLoop.now)
    }

    /// Passes `bytes` and everything after them to the decoder.
    private func handOver(_ bytes: ByteBuffer, context: ChannelHandlerContext) {
        handedOver = true
        context.fireChannelRead(wrapInboundOut(bytes))
    }
}
