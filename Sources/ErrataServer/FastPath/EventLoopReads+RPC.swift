import Hummingbird
import Logging
import NIOCore

/// `POST /rpc` on the event loop: a body whose calls are all immediate (``RPCMethod/init(_:parameters:immediate:)``)
/// is answered by the router's own dispatcher, through ``RPCDispatcher/respondImmediately(to:context:)``.
///
/// Only a plain request is read here: exactly `/rpc`, `Content-Type: application/json`, a `Content-Length`
/// within the router's limit, and no `Transfer-Encoding`, `Expect`, `Connection` or `Upgrade`. Anything
/// else, and a body with a call that suspends (admin methods, the feed, the snapshot), goes to the router.
/// Reads that need a token never get here: with `--require-read-token` nothing is answered on the event loop.
extension EventLoopReads {
    /// The route pattern `POST /rpc` is logged and counted under.
    static let rpcRoute = "/rpc"

    /// Whether `head` is a `POST /rpc` that may be answered here once its body is in.
    func mayAnswerRPC(_ head: HTTPRequest) -> Bool {
        let fields = head.headerFields
        guard head.method == .post, head.path == Self.rpcRoute, Self.leavesConnectionAlone(fields),
            RPCController<Context>.isJSON(fields[.contentType]),
            let length = fields[.contentLength].flatMap({ Int($0) })
        else { return false }
        return (0...maximumBodySize).contains(length)
    }

    /// The answer to a `POST /rpc` whose head ``mayAnswerRPC(_:)`` accepted, or `nil` when a call in
    /// its body suspends and the router should answer it (nothing was run).
    ///
    /// - Parameters:
    ///   - head: The request's head.
    ///   - body: The whole body.
    ///   - peer: The client's address. Immediate methods authenticate nobody, so the connected peer
    ///     serves even behind a trusted proxy.
    ///   - date: The `Date` header's value.
    func rpcAnswer(_ head: HTTPRequest, body: ByteBuffer, peer: String, date: String) -> Answer? {
        let start = ContinuousClock.now
        let id = RequestLogMiddleware<Context>.requestID(head.headerFields)
        let logger = logger.with(metadataKey: "hb.request.id", value: .string(id))
        let context = RPCCallContext(headers: head.headerFields, peer: peer, logger: logger)
        guard case .answered(let answer) = dispatcher.respondImmediately(to: body, context: context)
        else { return nil }
        let (response, responseBody) = RPCController<Context>.answer(answer)
        return complete(
            response, body: responseBody, to: head, route: Self.rpcRoute, requestID: id, loggedBytes: response.body.contentLength,
            logger: logger, since: start, date: date
        )
    }
}
