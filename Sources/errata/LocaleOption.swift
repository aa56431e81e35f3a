import ArgumentParser
import ErrataClient
import ErrataCore
import Foundation

/// `--locale`, defaulting from the POSIX locale environment.
struct LocaleOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The language to explain in, such as zh-Hans, zh-TW or en (default: from LC_ALL, LC_MESSAGES or LANG).",
            valueName: "tag"
        )
    )
    var locale: String?

    func validate() throws {
        if let locale, LanguageTag(rawValue: locale) == nil {
            throw ValidationError("--locale '\(locale)' is not a language tag such as zh-Hans or en")
        }
    }

    /// The locale to ask the catalog for: `--locale`, else the environment's; `nil` for the catalog's default.
    ///
    /// - Parameter environment: The process environment.
    func requested(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        locale ?? Self.fromEnvironment(environment)
    }

    /// The CLI's words in the language `client`'s catalog shows its texts in for this option.
    func strings(for client: ErrataClient) -> CLIStrings {
        CLIStrings(textsOf: client.snapshot, requested: requested())
    }

    /// The language of the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set, as POSIX orders them.
    static func fromEnvironment(_ environment: [String: String]) -> String? {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return languageTag(posix: value) }
        }
        return nil
    }

    /// A BCP 47 tag from a POSIX locale name: `zh_CN.UTF-8` → `zh-CN`, `sr_RS@latin` → `sr-RS`.
    ///
    /// - Parameter posix: A locale name of the form `language[_territory][.codeset][@modifier]`.
    /// - Returns: The tag, or `nil` for `C`, `POSIX` or a malformed name, which name no language.
    static func languageTag(posix: String) -> String? {
        let name = String(posix.prefix { $0 != "." && $0 != "@" })
        guard name != "C", name != "POSIX" else { return nil }
        return LanguageTag(rawValue: name)?.rawValue
    }
}
