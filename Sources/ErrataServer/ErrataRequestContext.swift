public import Hummingbird
public import NIOCore

/// The request context of every Errata route: Hummingbird's core context plus the client's address.
public struct ErrataRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client, when the transport knows it: the connected peer or, when that is a trusted
    /// proxy, the client it forwarded for (set by ``ForwardedClientMiddleware``).
    public internal(set) var remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
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
