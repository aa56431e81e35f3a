import ArgumentParser
import Configuration

/// What every setting has whatever its value's type: its names and its default as the help shows it.
protocol NamedSetting: Sendable {
    /// The configuration file's key.
    var key: String { get }
    /// The command line's name, without `--`.
    var flag: String { get }
    /// Whether the command line may give it; a secret comes from the environment or the file only.
    var onCommandLine: Bool { get }
    var environmentVariable: String { get }
    /// The default as the help and the README show it.
    var defaultDescription: String { get }
}

/// One errata-server setting, defined once: its name on the command line, in the environment and
/// in a configuration file, its default, how its text is read and what the help says of it.
///
/// The key is the configuration file's key and the flag's name (`max-body-size`, `--max-body-size`);
/// the environment variable is the key upper-cased with `ERRATA_` before it and underscores for
/// dashes (`ERRATA_MAX_BODY_SIZE`). A list's flag is singular and repeatable (`--trusted-proxy`).
struct Setting<Value: Sendable>: NamedSetting {
    let key: String
    let flag: String
    let defaultValue: Value
    let defaultDescription: String
    /// What the help says, one sentence.
    let abstract: String
    /// The placeholder the help shows: `<seconds>`.
    let valueName: String
    /// What a valid value is, for the error line: `port must be an integer 0–65535`.
    let requirement: String
    let form: Form
    /// Reads one value from its texts: one text, or a list's entries.
    let read: @Sendable ([String]) -> Value?
    /// What the help says after the abstract, if anything.
    var discussion = ""
    var onCommandLine = true

    /// How a value is written.
    enum Form: Sendable {
        /// One text; a configuration file may also write it as a JSON number or boolean of this type.
        case scalar(ConfigType)
        /// A repeatable flag, a comma-separated variable, a JSON array of strings.
        case list
    }

    var environmentVariable: String {
        Settings.environmentVariable(for: key)
    }

    /// The flag's help: the abstract, then where else the setting comes from and its default.
    var help: ArgumentHelp {
        ArgumentHelp("\(abstract) (\(environmentVariable); default: \(defaultDescription))", discussion: discussion, valueName: valueName)
    }

    /// This setting, taken from the environment or the configuration file only: a command line is
    /// visible to every user of the machine (`ps`), so a secret never goes on one.
    func secret() -> Self {
        var secret = self
        secret.onCommandLine = false
        return secret
    }

    /// This setting with `discussion` in its help.
    func explained(_ discussion: String) -> Self {
        var explained = self
        explained.discussion = discussion
        return explained
    }
}

// MARK: - Kinds of setting

extension Setting {
    /// A setting written as one text.
    init(
        _ key: String, default defaultValue: Value, shown defaultDescription: String, valueName: String,
        abstract: String, requirement: String, fileType: ConfigType = .string, read: @escaping @Sendable (String) -> Value?
    ) {
        self.init(
            key: key, flag: key, defaultValue: defaultValue, defaultDescription: defaultDescription, abstract: abstract,
            valueName: valueName, requirement: requirement, form: .scalar(fileType), read: { $0.count == 1 ? read($0[0]) : nil }
        )
    }

}

extension Setting where Value == Int {
    /// A whole number within `range`.
    static func integer(_ key: String, default defaultValue: Int, in range: ClosedRange<Int>, unit: String, abstract: String) -> Self {
        Self(
            key, default: defaultValue, shown: "\(defaultValue)", valueName: unit, abstract: abstract,
            requirement: "\(key) must be an integer \(range.lowerBound)–\(range.upperBound)", fileType: .int
        ) { text in
            Int(text).flatMap { range.contains($0) ? $0 : nil }
        }
    }
}

extension Setting where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of a fixed set of words, such as a log level.
    static func choice(_ key: String, default defaultValue: Value, abstract: String) -> Self {
        let words = Value.allCases.map(\.rawValue)
        return Self(
            key, default: defaultValue, shown: defaultValue.rawValue, valueName: words.joined(separator: "|"), abstract: abstract,
            requirement: "\(key) must be one of \(words.joined(separator: ", "))", read: Value.init(rawValue:)
        )
    }
}

extension Setting where Value == String {
    /// A file or directory path, relative to the working directory.
    static func path(_ key: String, default defaultValue: String, abstract: String) -> Self {
        Self(key, default: defaultValue, shown: defaultValue, valueName: "path", abstract: abstract, requirement: "\(key) must not be empty") {
            $0.isEmpty ? nil : $0
        }
    }
}

extension Setting where Value == Bool {
    /// On or off: `true`, `false`, `1`, `0`, `yes` or `no`; a flag and its `--no-` form on the command line.
    static func switchable(_ key: String, default defaultValue: Bool = false, abstract: String) -> Self {
        Self(key, default: defaultValue, shown: "\(defaultValue)", valueName: "bool", abstract: abstract, requirement: "\(key) must be true or false", fileType: .bool) {
            switch $0.lowercased() {
            case "true", "1", "yes": true
            case "false", "0", "no": false
            default: nil
            }
        }
    }
}

extension Setting {
    /// Any number of entries, none by default.
    static func list<Element: Sendable>(
        _ key: String, flag: String, valueName: String, abstract: String, requirement: String, entry: @escaping @Sendable (String) -> Element?
    ) -> Self where Value == [Element] {
        Self(
            key: key, flag: flag, defaultValue: [], defaultDescription: "none", abstract: abstract, valueName: valueName,
            requirement: requirement, form: .list
        ) { texts in
            let entries = texts.compactMap(entry)
            return entries.count == texts.count ? entries : nil
        }
    }
}
