package import Hummingbird
package import NIOCore

/// The request context of every Errata route: Hummingbird's core context plus the client's address.
package struct ErrataRequestContext: RequestContext, RemoteAddressRequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The client, when the transport knows it: the connected peer or, when that is a trusted
    /// proxy, the client it forwarded for (set by ``ForwardedClientMiddleware``).
    package internal(set) var remoteAddress: SocketAddress?

    package init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }
}

extension RemoteAddressRequestContext {
    /// The peer's IP address, or `unknown` when the transport does not say.
    var peer: String {
        remoteAddress?.ipAddress ?? "unknown"
    }
}
