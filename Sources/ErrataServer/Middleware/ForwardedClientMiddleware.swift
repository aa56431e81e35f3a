package import Hummingbird
import NIOCore

/// Replaces the request's remote address with the client's when the peer is a trusted proxy, so
/// that failure throttling and logs see the client rather than the proxy.
package struct ForwardedClientMiddleware: RouterMiddleware {
    package typealias Context = ErrataRequestContext
    let forwarded: ForwardedClient

    package init(trustedProxies: [IPAddressRange]) {
        self.forwarded = ForwardedClient(trustedProxies: trustedProxies)
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let peer = context.remoteAddress?.ipAddress.flatMap({ IPAddress($0) }) else { return try await next(request, context) }
        let client = forwarded.address(peer: peer, headers: request.headers)
        guard client != peer else { return try await next(request, context) }
        var context = context
        context.remoteAddress = try? SocketAddress(ipAddress: client.description, port: 0)
        return try await next(request, context)
    }
}
