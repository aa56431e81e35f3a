import Configuration
import Foundation
import SystemPackage

/// Where errata-server's settings come from, in the order they are asked: the command line, then
/// `ERRATA_*` environment variables, then the configuration file (`--config`, `ERRATA_CONFIG`);
/// a setting none of them gives has its default.
///
/// Values are read here, source by source, rather than through a `ConfigReader`: a reader quietly
/// falls back to the default when a value is invalid and does not say which source gave it, and an
/// operator who wrote `ERRATA_PORT=abc` is to be told so, by name, before anything starts.
struct SettingSources: Sendable {
    private let sources: [Source]

    /// Reads the configuration file the command line or the environment names, if any.
    /// - Throws: ``CommandFailure`` when that file cannot be read or is not a JSON object.
    init(commandLine: CommandLineSettings, environment: [String: String] = ProcessInfo.processInfo.environment) async throws {
        // A misspelt variable would otherwise be ignored without a word, and the default used. Other
        // ERRATA_* variables (the errata CLI's ERRATA_URL, scripts' own) are none of serve's business.
        for (variable, setting) in Self.misspeltVariables(in: environment) {
            FileHandle.standardError.write(Data("errata-server: warning: \(variable) is not a setting; did you mean \(setting)?\n".utf8))
        }
        let flags = Source.commandLine(commandLine)
        let variables = Source.environment(environment)
        var sources = [flags, variables]
        if let path = try Self.value(of: Settings.config, from: sources) {
            sources.append(try await Source.file(path, origin: Self.origin(of: Settings.config, from: sources)))
        }
        self.sources = sources
    }

    /// The variables in `environment` that are no setting's but one or two letters from one, sorted,
    /// each with that setting's variable.
    static func misspeltVariables(in environment: [String: String]) -> [(variable: String, setting: String)] {
        let known = Settings.all.map(\.environmentVariable)
        return environment.keys.sorted().compactMap { variable in
            guard variable.hasPrefix("ERRATA_"), !known.contains(variable) else { return nil }
            let closest = known.map { (setting: $0, distance: editDistance(variable, $0)) }.min { $0.distance < $1.distance }
            return closest.flatMap { $0.distance <= 2 ? (variable, $0.setting) : nil }
        }
    }

    /// How many letters must be inserted, deleted or replaced to turn `a` into `b` (Levenshtein).
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let b = Array(b)
        var previous = Array(0...b.count)
        for (i, letter) in a.enumerated() {
            var current = [i + 1]
            for j in b.indices {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (letter == b[j] ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The setting's value from the first source that gives it, else its default.
    /// - Throws: ``CommandFailure`` naming the setting, where it came from and the value when the value is invalid.
    func value<Value>(of setting: Setting<Value>) throws(CommandFailure) -> Value {
        try Self.value(of: setting, from: sources)
    }

    private static func value<Value>(of setting: Setting<Value>, from sources: [Source]) throws(CommandFailure) -> Value {
        for source in sources {
            guard let texts = try source.texts(of: setting) else { continue }
            guard let value = setting.read(texts) else {
                let invalid = texts.first { setting.read([$0]) == nil } ?? texts.joined(separator: ",")
                throw CommandFailure(message: "\(source.origin(setting))=\(invalid): \(setting.requirement)")
            }
            return value
        }
        return setting.defaultValue
    }

    /// How the first source that gives the setting names it: `--config=FILE` or `ERRATA_CONFIG=FILE`.
    private static func origin<Value>(of setting: Setting<Value>, from sources: [Source]) throws(CommandFailure) -> String {
        for source in sources {
            if let texts = try source.texts(of: setting) { return "\(source.origin(setting))=\(texts.joined(separator: ","))" }
        }
        return setting.key
    }
}

// MARK: - Sources

extension SettingSources {
    /// One provider, and how it names a setting in an error line.
    private struct Source: Sendable {
        let provider: any ConfigProvider
        /// `--port`, `ERRATA_PORT` or `/etc/errata/errata.json: port`.
        let origin: @Sendable (_ key: String, _ flag: String) -> String

        func origin<Value>(_ setting: Setting<Value>) -> String {
            origin(setting.key, setting.flag)
        }

        static func commandLine(_ settings: CommandLineSettings) -> Source {
            Source(provider: InMemoryProvider(name: "command line", values: settings.values)) { _, flag in "--\(flag)" }
        }

        static func environment(_ variables: [String: String]) -> Source {
            Source(provider: EnvironmentVariablesProvider(environmentVariables: variables).prefixKeys(with: "errata")) { key, _ in
                Settings.environmentVariable(for: key)
            }
        }

        static func file(_ path: String, origin: String) async throws(CommandFailure) -> Source {
            let provider: FileProvider<JSONSnapshot>
            do {
                provider = try await FileProvider<JSONSnapshot>(filePath: FilePath(path))
            } catch {
                throw CommandFailure(message: "\(origin): not a readable JSON object of settings (\(error))")
            }
            return Source(provider: provider) { key, _ in "\(path): \(key)" }
        }

        /// The setting's texts in this source, nil when it does not give the setting.
        /// - Throws: ``CommandFailure`` when the file gives it as JSON of another type.
        func texts<Value>(of setting: Setting<Value>) throws(CommandFailure) -> [String]? {
            let key = AbsoluteConfigKey([setting.key])
            let lookup: LookupResult
            switch setting.form {
            case .list:
                guard let found = try? provider.value(forKey: key, type: .stringArray) else {
                    throw CommandFailure(message: "\(origin(setting)): \(setting.key) must be a list of strings")
                }
                lookup = found
            case .scalar(let fileType):
                // A file may write a number or a boolean as JSON does; every other source gives text.
                guard let found = (try? provider.value(forKey: key, type: .string)) ?? (try? provider.value(forKey: key, type: fileType)) else {
                    throw CommandFailure(message: "\(origin(setting)): \(setting.requirement)")
                }
                lookup = found
            }
            switch lookup.value?.content {
            case nil: return nil
            case .string(let text): return [text]
            case .int(let number): return [String(number)]
            case .bool(let on): return [String(on)]
            // Empty entries are dropped, so an empty variable is an empty list.
            case .stringArray(let texts): return texts.filter { !$0.isEmpty }
            default: throw CommandFailure(message: "\(origin(setting)): \(setting.requirement)")
            }
        }
    }
}
