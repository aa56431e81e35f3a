import ErrataCore
package import Foundation

/// Where a follower stands against its primary: what `/readyz` and `/metrics` report.
///
/// ``Follower`` records each contact and failure; the probes read it. A follower is *caught up*
/// once it served the newest revision the primary reported; it stays so while the primary is down.
package final class FollowerStatus: Sendable {
    private struct State: Sendable {
        var lastContact: ContinuousClock.Instant?
        var primaryRevision: Int?
        var caughtUp = false
        var lastFailure: String?
    }

    /// Where the follower's catalog comes from.
    package let primary: URL
    /// How long the follower stays ready without hearing from the primary; `nil`: no bound.
    package let maximumSilence: Duration?
    private let state = Locked(State())

    package init(primary: URL, maximumSilence: Duration?) {
        self.primary = primary
        self.maximumSilence = maximumSilence
    }

    // MARK: - Recording

    /// Records that the primary answered: it is at `primaryRevision`, and the follower serves `servedRevision`.
    package func recordContact(primaryRevision: Int, servedRevision: Int, at now: ContinuousClock.Instant = .now) {
        state.withLock { state in
            state.lastContact = now
            state.primaryRevision = max(state.primaryRevision ?? 0, primaryRevision)
            state.lastFailure = nil
            if servedRevision >= primaryRevision { state.caughtUp = true }
        }
    }

    /// Records why the last attempt to reach or follow the primary failed.
    package func recordFailure(_ reason: String) {
        state.withLock { $0.lastFailure = reason }
    }

    // MARK: - Reading

    /// What the probes report: lag, time since the last contact, and why the follower is not ready.
    package struct Report: Sendable {
        /// Revisions the primary published that the follower does not serve yet, as of the last contact.
        package var lagRevisions: Int
        /// Seconds since the primary last answered; `nil` when it never did.
        package var secondsSinceContact: Double?
        /// Why the follower should get no traffic, or `nil`.
        package var notReadyBecause: String?
    }

    /// The report for a follower serving `servedRevision`, at `now`.
    package func report(servedRevision: Int, at now: ContinuousClock.Instant = .now) -> Report {
        state.withLock { state in
            let silence = state.lastContact.map { now - $0 }
            var report = Report(
                lagRevisions: max(0, (state.primaryRevision ?? servedRevision) - servedRevision),
                secondsSinceContact: silence.map { Double($0.components.seconds) + Double($0.components.attoseconds) * 1e-18 }
            )
            let failure = state.lastFailure.map { " (\($0))" } ?? ""
            if !state.caughtUp {
                report.notReadyBecause = "has not caught up with the primary \(primary.absoluteString) yet\(failure)"
            } else if let maximumSilence, let silence, silence > maximumSilence {
                report.notReadyBecause = "has not heard from the primary \(primary.absoluteString) for more than \(maximumSilence)\(failure)"
            }
            return report
        }
    }
}
