import Prometheus

extension ServerMetrics {
    /// Sets a follower's gauges from `report`, before an exposition: only a follower has them.
    func recordFollower(_ report: FollowerStatus.Report) {
        registry.makeGauge(
            descriptor: Self.named(
                "follower_lag", unit: "revisions", help: "Revisions the primary had published at the last contact that this follower does not serve yet."
            )
        ).set(Int64(report.lagRevisions))
        // -1 until the primary first answers: a gauge has no "never".
        registry.makeGauge(
            descriptor: Self.named(
                "follower_contact_age", unit: "seconds", help: "Seconds since the primary last answered this follower; -1 before it ever did."
            )
        ).set(report.secondsSinceContact ?? -1)
    }

    /// Records a failed attempt to reach or follow the primary.
    func recordFollowerFailure() {
        registry.makeCounter(
            descriptor: Self.named("follower_failures", unit: "total", help: "Failed attempts of this follower to reach or follow the primary.")
        ).increment()
    }
}
