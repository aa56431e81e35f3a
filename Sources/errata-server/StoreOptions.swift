import ArgumentParser

/// The options of every subcommand that opens the database: the configuration file and the store's
/// settings. None has a default here: one not given comes from the environment, the file or
/// ``Settings``.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong(Settings.config.flag), help: Settings.config.help)
    var config: String?

    @Option(name: .customLong(Settings.database.flag), help: Settings.database.help)
    var database: String?

    @Option(name: .customLong(Settings.logLevel.flag), help: Settings.logLevel.help)
    var logLevel: String?

    @Option(name: .customLong(Settings.logFormat.flag), help: Settings.logFormat.help)
    var logFormat: String?

    /// These options as given.
    var commandLine: CommandLineSettings {
        var settings = CommandLineSettings()
        settings.add(Settings.config, config)
        settings.add(Settings.database, database)
        settings.add(Settings.logLevel, logLevel)
        settings.add(Settings.logFormat, logFormat)
        return settings
    }

    /// The store's settings from the command line, the environment and the configuration file.
    /// - Throws: ``CommandFailure`` naming an invalid setting or an unreadable configuration file.
    func settings() async throws -> StoreSettings {
        try StoreSettings(from: await SettingSources(commandLine: commandLine))
    }
}
