import Foundation
package import Hummingbird

/// `POST /rpc`: JSON-RPC 2.0 over HTTP.
///
/// Every JSON-RPC answer, error or not, is HTTP 200; only failures outside JSON-RPC use HTTP
/// statuses: 413 for a body over the limit, 415 for a body that is not `application/json`,
/// and 204 (no body) when the call was a notification or the batch held only notifications.
///
/// A body of immediate calls only (public reads) is usually answered before it gets here, on the
/// event loop (``EventLoopReads``), by the same dispatcher and ``answer(_:)``.
package struct RPCController<Context: RemoteAddressRequestContext>: Sendable {
    let dispatcher: RPCDispatcher
    let maximumBodySize: Int

    package init(dispatcher: RPCDispatcher, maximumBodySize: Int) {
        self.dispatcher = dispatcher
        self.maximumBodySize = maximumBodySize
    }

    package var endpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.post(use: handle)
        return routes
    }

    @Sendable func handle(_ request: Request, context: Context) async throws -> Response {
        guard Self.isJSON(request.headers[.contentType]) else {
            throw Problem(
                status: .unsupportedMediaType, kind: "unsupported-media-type", title: "Unsupported Media Type",
                detail: "POST /rpc takes a JSON-RPC 2.0 body with Content-Type: application/json",
                reason: "UnsupportedMediaType"
            )
        }
        var request = request
        let body = try await request.collectBody(upTo: maximumBodySize)
        let callContext = RPCCallContext(headers: request.headers, peer: context.peer, logger: context.logger)
        return Self.answer(await dispatcher.respond(to: body, context: callContext)).response
    }

    /// The HTTP answer carrying a dispatcher's answer, and its body, for writers that send the bytes themselves.
    ///
    /// Both the router and ``EventLoopReadHandler`` answer through here, so their headers cannot drift.
    static func answer(_ answer: ByteBuffer?) -> (response: Response, body: ByteBuffer?) {
        guard let answer else {
            return (Response(status: .noContent, headers: [.cacheControl: "no-store"]), nil)
        }
        let headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        return (Response(status: .ok, headers: headers, body: .init(byteBuffer: answer)), answer)
    }

    /// Whether a Content-Type is `application/json`, with any parameters and in any case.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        if contentType == "application/json" { return true }  // what nearly every client sends
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return mediaType.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }
}
