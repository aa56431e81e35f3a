import ErrataCore
package import ErrataWeb

/// How the HTTP service listens and what it accepts.
package struct ServerConfiguration: Sendable {
    package var host: String
    package var port: Int
    /// The largest request body accepted, in bytes; larger bodies get HTTP 413.
    package var maximumBodySize: Int
    /// Batch length and JSON nesting limits for `POST /rpc`.
    package var rpcLimits: JSONRPCPayload.Limits
    /// Origins allowed to call the service from a browser (CORS); empty allows none.
    package var corsAllowedOrigins: [String]
    /// Whether reads need a bearer token of scope `read` (or higher).
    package var requireReadToken: Bool
    /// How long tokens read from the store are trusted before being read again: a token revoked by
    /// `errata-server token revoke` stops working within this time (a new token works at once).
    package var tokenCacheLifetime: Duration
    /// How many failed authentications one client address may make per minute before every request
    /// of it that needs a token is answered 429 for the rest of that minute.
    package var maximumAuthFailures: Int
    /// How often the store is checked for what another process published (``CatalogWatcher``).
    package var catalogCheckInterval: Duration
    /// How often when tokens were last used is written to the store (``TokenUseRecorder``).
    package var tokenUseWriteInterval: Duration
    /// Proxies whose `X-Forwarded-For` / `Forwarded` headers name the client (see ``ForwardedClient``);
    /// empty: the client is always the connected peer.
    package var trustedProxies: [IPAddressRange]
    /// How long a connection may wait for its next request, counted from its opening or the
    /// previous response: a connection that idles, or that trickles a request, is closed after it.
    package var idleTimeout: Duration
    /// Where the pages are, from `--public-url`: paths, or absolute URLs under the public URL. Give
    /// the same value to the ``LiveCatalog`` served: `docsUrl` and problem types are made from it.
    package var docsLinks: DocsLinks
    /// Set on a follower (`serve --follow`): the primary it keeps in step with, which takes every admin call.
    package var follower: FollowerConfiguration?

    package init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        maximumBodySize: Int = 1 << 20,
        rpcLimits: JSONRPCPayload.Limits = .init(),
        corsAllowedOrigins: [String] = [],
        requireReadToken: Bool = false,
        tokenCacheLifetime: Duration = .seconds(1),
        maximumAuthFailures: Int = 10,
        catalogCheckInterval: Duration = .seconds(1),
        tokenUseWriteInterval: Duration = .seconds(60),
        trustedProxies: [IPAddressRange] = [],
        idleTimeout: Duration = .seconds(60),
        docsLinks: DocsLinks = DocsLinks(),
        follower: FollowerConfiguration? = nil
    ) {
        self.host = host
        self.port = port
        self.maximumBodySize = maximumBodySize
        self.rpcLimits = rpcLimits
        self.corsAllowedOrigins = corsAllowedOrigins
        self.requireReadToken = requireReadToken
        self.tokenCacheLifetime = tokenCacheLifetime
        self.maximumAuthFailures = maximumAuthFailures
        self.catalogCheckInterval = catalogCheckInterval
        self.tokenUseWriteInterval = tokenUseWriteInterval
        self.trustedProxies = trustedProxies
        self.idleTimeout = idleTimeout
        self.docsLinks = docsLinks
        self.follower = follower
    }
}
