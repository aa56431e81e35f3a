import ErrataCore
import Foundation

/// The words `errata` prints around the catalog's texts (labels, headings, errors), in one language.
///
/// They come from `Resources/CLI.xcstrings`, a String Catalog whose keys are the English text, as
/// Xcode writes them. SwiftPM on Linux does not compile string catalogs, so the file is copied as it is
/// and read here with ErrataCore's ``StringCatalog``. A key or a language the catalog lacks, or a catalog
/// that cannot be read, prints English rather than failing.
///
/// For example:
///
/// ```swift
/// let strings = CLIStrings(locale: LanguageTag(rawValue: "zh-Hant")!)
/// strings("What to do:")                            // "處理方式："
/// strings("The catalog is up to date (revision %lld).", 3)
/// ```
struct CLIStrings: Sendable {
    /// The language the words are in: the catalog's closest to the one asked for, else English.
    let locale: LanguageTag
    private let table: Table

    /// The words in `locale`, or in the closest language the CLI has (RFC 4647 lookup), else English.
    ///
    /// - Parameters:
    ///   - locale: The language asked for.
    ///   - table: The string catalog; `nil` for the bundled one, which English words do not need
    ///     (the catalog's keys are English): reading it was a tenth of `errata explain`'s start-up.
    init(locale: LanguageTag, table: Table? = nil) {
        let table = table ?? (locale == .english ? Table(catalog: nil) : Self.bundled)
        self.locale = table.negotiator.negotiate(explicit: locale.rawValue, acceptLanguage: nil).locale
        self.table = table
    }

    /// The words in the language `snapshot` shows its texts in for a request of `requested`, so the
    /// labels are in the language of the explanation they surround.
    ///
    /// - Parameters:
    ///   - requested: The locale asked for (`--locale` or the environment's); `nil` for the catalog's default.
    ///   - snapshot: The catalog the command reads.
    init(textsOf snapshot: CatalogSnapshot, requested: String?) {
        self.init(locale: snapshot.negotiator.negotiate(explicit: requested, acceptLanguage: nil).locale)
    }

    /// The text for `key` in ``locale``, with its `%` specifiers filled in from `arguments`.
    ///
    /// - Parameters:
    ///   - key: The English text, as written in the catalog.
    ///   - arguments: The values of the key's specifiers, in the English order.
    func callAsFunction(_ key: String, _ arguments: any CustomStringConvertible...) -> String {
        let value = table.catalog?.strings[key]?.localizations?[locale.rawValue]?.stringUnit?.value ?? key
        return FormatSpecifiers.format(value, arguments.map(\.description))
    }

    // MARK: - The bundled catalog

    /// The catalog and the languages it has, read once per process and only when a word is printed.
    static let bundled = Table(catalog: readCatalog())

    /// A string catalog and the languages it has.
    struct Table: Sendable {
        /// `nil` when the resource cannot be read: every word is then English.
        let catalog: StringCatalog?
        let negotiator: LocaleNegotiator

        init(catalog: StringCatalog?) {
            self.catalog = catalog
            let locales = Set(catalog?.strings.values.flatMap { ($0.localizations ?? [:]).keys } ?? [])
            negotiator = LocaleNegotiator(available: locales.compactMap(LanguageTag.init(rawValue:)).sorted())
        }
    }

    private static func readCatalog() -> StringCatalog? {
        guard let url = Bundle.module.url(forResource: "CLI", withExtension: "xcstrings") else { return nil }
        return try? JSONDecoder().decode(StringCatalog.self, from: Data(contentsOf: url))
    }
}
