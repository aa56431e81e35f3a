package import Foundation

/// How a follower (`errata-server serve --follow URL`) keeps in step with its primary.
package struct FollowerConfiguration: Sendable {
    /// The primary's base URL, such as `http://errata-primary:8080`: where the delta feed and the
    /// snapshot are read, and what admin calls on the follower are told to use instead.
    package var primary: URL
    /// How long `/readyz` stays ready without a successful contact with the primary; `nil`: for ever,
    /// once caught up. A bound takes every follower out of rotation together when the primary is down,
    /// so it suits a deployment that would rather fail reads than serve an old revision.
    package var maximumSilence: Duration?
    /// How long one delta-feed request may wait at the primary for a publish (`wait`, at most 30 s):
    /// a publish is seen as soon as it is served, and an idle follower asks twice a minute or so.
    package var pollWait: Duration
    /// The first wait after a failed contact; it doubles up to ``maximumRetryDelay``, with jitter.
    package var initialRetryDelay: Duration
    /// The longest wait between two attempts while the primary cannot be reached.
    package var maximumRetryDelay: Duration
    /// A read token for a primary that runs with `--require-read-token`; sent only in `Authorization`.
    package var accessToken: String?

    package init(
        primary: URL, maximumSilence: Duration? = nil, pollWait: Duration = .seconds(20), initialRetryDelay: Duration = .milliseconds(250),
        maximumRetryDelay: Duration = .seconds(10), accessToken: String? = nil
    ) {
        self.primary = primary
        self.maximumSilence = maximumSilence
        self.pollWait = pollWait
        self.initialRetryDelay = initialRetryDelay
        self.maximumRetryDelay = maximumRetryDelay
        self.accessToken = accessToken
    }
}
