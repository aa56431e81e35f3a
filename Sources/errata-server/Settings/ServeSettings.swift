import ErrataServer
import ErrataWeb
import Foundation

extension Settings {
    static let host = Setting<String>(
        "host", default: "127.0.0.1", shown: "127.0.0.1", valueName: "address",
        abstract: "The address to listen on.", requirement: "host must not be empty"
    ) { $0.isEmpty ? nil : $0 }
    static let port = Setting<Int>.integer(
        "port", default: 8080, in: 0...65_535, unit: "port",
        abstract: "The TCP port to listen on; 0 picks a free one, named on stdout as 'errata-server: listening on http://HOST:PORT'."
    )
    static let localizations = Setting<String>.path(
        "localizations", default: "./Localizations", abstract: "The Localizations/ directory imported into an empty database."
    )
    static let corsOrigins = Setting<[String]>.list(
        "cors-origins", flag: "cors-origin", valueName: "origin",
        abstract: "An origin allowed to call the service from a browser; repeatable.",
        requirement: "cors-origins must be origins such as https://console.example.com"
    ) { origin in
        URL(string: origin)?.scheme == nil || origin.hasSuffix("/") ? nil : origin
    }
    static let trustedProxies = Setting<[IPAddressRange]>.list(
        "trusted-proxies", flag: "trusted-proxy", valueName: "cidr",
        abstract: "A reverse proxy (CIDR such as 10.0.0.0/8, or one address) whose X-Forwarded-For or Forwarded header names the client; repeatable.",
        requirement: "trusted-proxies must be addresses or CIDR ranges such as 10.0.0.0/8 or 2001:db8::/32",
        entry: IPAddressRange.init
    ).explained(
        "Failed authentications are throttled per client address; without this, every client behind a proxy shares the proxy's address. X-Forwarded-For wins over Forwarded: a proxy that writes only Forwarded must drop any X-Forwarded-For a client sends."
    )
    static let maxBodySize = Setting<Int>.integer(
        "max-body-size", default: 1 << 20, in: 1_024...(1 << 30), unit: "bytes", abstract: "The largest request body accepted, in bytes."
    )
    static let maxAuthFailures = Setting<Int>.integer(
        "max-auth-failures", default: 10, in: 1...1_000_000, unit: "count",
        abstract: "Failed authentications one client address may make per minute; then its requests that need a token are 429 until the minute has passed."
    )
    static let requireReadToken = Setting<Bool>.switchable(
        "require-read-token", abstract: "Require a bearer token of scope read (or higher) for reads too."
    )
    static let idleTimeout = Setting<Int>.integer(
        "idle-timeout", default: 60, in: 1...86_400, unit: "seconds",
        abstract: "Seconds a connection may take to send its next request, head and body, before it is closed."
    )
    static let gracePeriod = Setting<Int>.integer(
        "grace-period", default: 30, in: 1...3_600, unit: "seconds",
        abstract: "Seconds the requests in flight get to finish after SIGTERM or SIGINT before they are cancelled."
    )
    static let drainDelay = Setting<Int>.integer(
        "drain-delay", default: 0, in: 0...3_600, unit: "seconds",
        abstract: "Seconds between SIGTERM or SIGINT and closing the listening socket, while /readyz answers 503."
    )
    static let publicURL = Setting<DocsLinks>(
        "public-url", default: DocsLinks(), shown: "none", valueName: "url",
        abstract: "The service's public address, such as https://errata.example.com: docsUrl and problem types become absolute URLs under it.",
        requirement: "public-url must be an absolute http or https URL with a host and no query, fragment or user information"
    ) { try? DocsLinks(publicURL: $0) }
        .explained("Without it they are paths (/docs/errors/NoSuchKey?locale=en), relative to wherever the client reached the service.")
    static let eventLoopReads = Setting<Bool>.switchable(
        "event-loop-reads", default: true,
        abstract: "Answer the public cacheable reads on the event loop; off sends them through the router, as a benchmark's baseline."
    )
    static let follow = Setting<URL?>(
        "follow", default: nil, shown: "none", valueName: "url",
        abstract: "Follow the primary at this URL, such as http://errata-primary:8080: keep this server's database in step with it and serve reads only.",
        requirement: "follow must be the primary's http or https URL, such as http://errata-primary:8080"
    ) { text in
        URL(string: text).flatMap { ["http", "https"].contains($0.scheme) && $0.host != nil ? $0 : nil }
    }
    .explained("Admin calls are refused with an error naming the primary; localizations is not read. /readyz answers 503 until the primary's catalog has arrived.")
    static let followToken = Setting<String?>(
        "follow-token", default: nil, shown: "none", valueName: "token",
        abstract: "With follow: a token of scope read for a primary that requires read tokens.",
        requirement: "follow-token must not be empty"
    ) { $0.isEmpty ? nil : $0 }
        .secret()
    static let followMaxSilence = Setting<Int>.integer(
        "follow-max-silence", default: 0, in: 0...86_400, unit: "seconds",
        abstract: "With follow: seconds without an answer from the primary after which /readyz answers 503; 0 keeps a follower that has caught up ready while the primary is down."
    )
}

/// What `serve` runs with, read from ``SettingSources``.
struct ServeSettings: Sendable {
    var server: ServerConfiguration
    var localizations: String
    var gracePeriod: Int
    var drainDelay: Int
    var eventLoopReads: Bool

    /// - Throws: ``CommandFailure`` naming the first invalid setting.
    init(from sources: SettingSources) throws(CommandFailure) {
        server = try ServerConfiguration(
            host: sources.value(of: Settings.host),
            port: sources.value(of: Settings.port),
            maximumBodySize: sources.value(of: Settings.maxBodySize),
            corsAllowedOrigins: sources.value(of: Settings.corsOrigins),
            requireReadToken: sources.value(of: Settings.requireReadToken),
            maximumAuthFailures: sources.value(of: Settings.maxAuthFailures),
            trustedProxies: sources.value(of: Settings.trustedProxies),
            idleTimeout: .seconds(sources.value(of: Settings.idleTimeout)),
            docsLinks: sources.value(of: Settings.publicURL),
            follower: Self.follower(from: sources)
        )
        localizations = try sources.value(of: Settings.localizations)
        gracePeriod = try sources.value(of: Settings.gracePeriod)
        drainDelay = try sources.value(of: Settings.drainDelay)
        eventLoopReads = try sources.value(of: Settings.eventLoopReads)
    }

    /// What `follow` and `follow-max-silence` ask for; `nil` on a primary.
    private static func follower(from sources: SettingSources) throws(CommandFailure) -> FollowerConfiguration? {
        let silence = try sources.value(of: Settings.followMaxSilence)
        guard let primary = try sources.value(of: Settings.follow) else { return nil }
        return FollowerConfiguration(
            primary: primary, maximumSilence: silence > 0 ? .seconds(silence) : nil, accessToken: try sources.value(of: Settings.followToken)
        )
    }
}
