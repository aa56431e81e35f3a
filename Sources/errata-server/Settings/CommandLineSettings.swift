import Configuration

/// The settings given on the command line, by key: the first of errata-server's setting sources.
///
/// Options are declared without defaults (`String?`, an empty array, `Bool?`), so an option not
/// given is absent here and the environment, the configuration file or the default decides.
struct CommandLineSettings: Sendable {
    private(set) var values: [AbsoluteConfigKey: ConfigValue] = [:]

    /// A one-text option, if given.
    mutating func add<Value>(_ setting: Setting<Value>, _ text: String?) {
        guard let text else { return }
        values[AbsoluteConfigKey([setting.key])] = ConfigValue(.string(text), isSecret: false)
    }

    /// A repeatable option, if given at least once.
    mutating func add<Value>(_ setting: Setting<Value>, _ texts: [String]) {
        guard !texts.isEmpty else { return }
        values[AbsoluteConfigKey([setting.key])] = ConfigValue(.stringArray(texts), isSecret: false)
    }

    /// A flag and its `--no-` form, if either is given.
    mutating func add(_ setting: Setting<Bool>, _ on: Bool?) {
        add(setting, on.map { String($0) })
    }

    /// These settings and `other`'s.
    func merging(_ other: CommandLineSettings) -> CommandLineSettings {
        var merged = self
        merged.values.merge(other.values) { _, theirs in theirs }
        return merged
    }
}
