public import Hummingbird
public import NIOCore

/// The request context of every Errata route: Hummingbird's core context plus the peer address.
public struct ErrataRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connected peer, when the transport knows it.
    public let remoteAddress: SocketAddress?

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
