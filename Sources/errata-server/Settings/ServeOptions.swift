import ArgumentParser

/// `serve`'s options, one per setting in ``Settings``, none with a default here: an option not
/// given comes from the environment, the configuration file or the setting's default.
struct ServeOptions: ParsableArguments {
    @Option(name: .customLong(Settings.host.flag), help: Settings.host.help)
    var host: String?

    @Option(name: .customLong(Settings.port.flag), help: Settings.port.help)
    var port: String?

    @Option(name: .customLong(Settings.localizations.flag), help: Settings.localizations.help)
    var localizations: String?

    @Option(name: .customLong(Settings.corsOrigins.flag), help: Settings.corsOrigins.help)
    var corsOrigins: [String] = []

    @Option(name: .customLong(Settings.trustedProxies.flag), help: Settings.trustedProxies.help)
    var trustedProxies: [String] = []

    @Option(name: .customLong(Settings.maxBodySize.flag), help: Settings.maxBodySize.help)
    var maxBodySize: String?

    @Option(name: .customLong(Settings.maxAuthFailures.flag), help: Settings.maxAuthFailures.help)
    var maxAuthFailures: String?

    @Flag(name: .customLong(Settings.requireReadToken.flag), inversion: .prefixedNo, help: Settings.requireReadToken.help)
    var requireReadToken: Bool?

    @Option(name: .customLong(Settings.idleTimeout.flag), help: Settings.idleTimeout.help)
    var idleTimeout: String?

    @Option(name: .customLong(Settings.gracePeriod.flag), help: Settings.gracePeriod.help)
    var gracePeriod: String?

    @Option(name: .customLong(Settings.drainDelay.flag), help: Settings.drainDelay.help)
    var drainDelay: String?

    @Option(name: .customLong(Settings.publicURL.flag), help: Settings.publicURL.help)
    var publicURL: String?

    @Flag(name: .customLong(Settings.eventLoopReads.flag), inversion: .prefixedNo, help: Settings.eventLoopReads.help)
    var eventLoopReads: Bool?

    @Option(name: .customLong(Settings.follow.flag), help: Settings.follow.help)
    var follow: String?

    @Option(name: .customLong(Settings.followMaxSilence.flag), help: Settings.followMaxSilence.help)
    var followMaxSilence: String?

    /// These options as given.
    var commandLine: CommandLineSettings {
        var settings = CommandLineSettings()
        settings.add(Settings.host, host)
        settings.add(Settings.port, port)
        settings.add(Settings.localizations, localizations)
        settings.add(Settings.corsOrigins, corsOrigins)
        settings.add(Settings.trustedProxies, trustedProxies)
        settings.add(Settings.maxBodySize, maxBodySize)
        settings.add(Settings.maxAuthFailures, maxAuthFailures)
        settings.add(Settings.requireReadToken, requireReadToken)
        settings.add(Settings.idleTimeout, idleTimeout)
        settings.add(Settings.gracePeriod, gracePeriod)
        settings.add(Settings.drainDelay, drainDelay)
        settings.add(Settings.publicURL, publicURL)
        settings.add(Settings.eventLoopReads, eventLoopReads)
        settings.add(Settings.follow, follow)
        settings.add(Settings.followMaxSilence, followMaxSilence)
        return settings
    }
}
