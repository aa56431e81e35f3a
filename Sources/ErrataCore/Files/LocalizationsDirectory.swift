public import Foundation

/// Reads and writes a `Localizations/` directory: `catalog.json` plus `Errors.xcstrings`.
///
/// For example:
///
/// ```swift
/// let catalog = try LocalizationsDirectory(url: URL(fileURLWithPath: "Localizations")).load()
/// ```
public struct LocalizationsDirectory: Sendable {
    public static let manifestFileName = "catalog.json"
    public static let stringCatalogFileName = "Errors.xcstrings"

    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    public var manifestURL: URL { url.appendingPathComponent(Self.manifestFileName) }
    public var stringCatalogURL: URL { url.appendingPathComponent(Self.stringCatalogFileName) }

    // MARK: - Reading

    /// Reads both files into a catalog.
    ///
    /// - Returns: The catalog; check it with ``CatalogValidator`` before trusting it.
    /// - Throws: ``CatalogFileError`` naming the file and the problem when a file is missing,
    ///   unreadable, malformed or of another format version.
    public func load() throws(CatalogFileError) -> Catalog {
        try loadWithRevision().catalog
    }

    /// Reads both files, with the revision they were exported from, if they say.
    public func loadWithRevision() throws(CatalogFileError) -> (catalog: Catalog, revision: Int?) {
        let manifest = try decode(CatalogManifest.self, from: manifestURL)
        guard manifest.formatVersion == CatalogManifest.currentFormatVersion else {
            throw .unsupportedFormatVersion(manifest.formatVersion, file: manifestURL.path)
        }
        let strings = try decode(StringCatalog.self, from: stringCatalogURL)
        return (Self.catalog(manifest: manifest, strings: strings), manifest.revision)
    }

    /// Combines the two decoded files; string keys that match no entry are left out
    /// (``CatalogValidator`` reports them from the files themselves).
    static func catalog(manifest: CatalogManifest, strings: StringCatalog) -> Catalog {
        var texts: [TextKey: String] = [:]
        var needsReview: Set<TextKey> = []
        var entries: [CatalogEntry] = []
        for manifestEntry in manifest.entries {
            var entry = manifestEntry.catalogEntry
            for field in TextField.allCases {
                let string = strings.strings[entry.key.stringKey(field)]
                entry.comments[field] = string?.comment
                for (localeName, localization) in string?.localizations ?? [:] {
                    guard let locale = LanguageTag(rawValue: localeName), let unit = localization.stringUnit else { continue }
                    let textKey = TextKey(entry: entry.key, locale: locale, field: field)
                    texts[textKey] = unit.value
                    if unit.state != .translated { needsReview.insert(textKey) }
                }
            }
            entries.append(entry)
        }
        return Catalog(
            sourceLocale: manifest.sourceLanguage,
            locales: manifest.locales,
            entries: entries,
            texts: texts,
            needsReview: needsReview,
            retryPolicies: manifest.retryPolicies ?? RetryPolicies()
        )
    }

    private func decode<T: Decodable>(_ type: T.Type, from fileURL: URL) throws(CatalogFileError) -> T {
        let data: Data
        do {
            data = try Data(contentsOf: fileURL)
        } catch {
            throw .unreadable(file: fileURL.path, reason: (error as NSError).localizedDescription)
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw .malformed(file: fileURL.path, reason: error.readableDescription)
        } catch {
            throw .malformed(file: fileURL.path, reason: "\(error)")
        }
    }

    // MARK: - Writing

    /// Writes the catalog as `catalog.json` and `Errors.xcstrings`, creating the directory if needed.
    ///
    /// Output is deterministic (sorted keys, two-space indentation, `"key": value`), so exports diff cleanly in git.
    /// - Throws: ``CatalogFileError/unwritable(file:reason:)`` when a file cannot be written.
    /// - Parameters:
    ///   - catalog: The catalog to write.
    ///   - revision: The published revision it is, recorded in `catalog.json` so a later import can spot live edits.
    public func write(_ catalog: Catalog, revision: Int? = nil) throws(CatalogFileError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(file: url.path, reason: (error as NSError).localizedDescription)
        }
        try write(CatalogManifest(catalog: catalog, revision: revision), to: manifestURL)
        try write(Self.stringCatalog(for: catalog), to: stringCatalogURL)
    }

    static func stringCatalog(for catalog: Catalog) -> StringCatalog {
        var strings: [String: StringCatalog.StringEntry] = [:]
        for (key, value) in catalog.texts {
            let state: TranslationState = catalog.needsReview.contains(key) ? .needsReview : .translated
            strings[key.stringKey, default: .init(localizations: [:])]
                .localizations?[key.locale.rawValue] = .init(stringUnit: .init(state: state, value: value))
        }
        for entry in catalog.entries {
            for (field, comment) in entry.comments {
                strings[entry.key.stringKey(field), default: .init(localizations: [:])].comment = comment
            }
        }
        return StringCatalog(sourceLanguage: catalog.sourceLocale.rawValue, strings: strings)
    }

    private func write(_ value: some Encodable, to fileURL: URL) throws(CatalogFileError) {
        do {
            try LocalizationsFileLayout.encode(value).write(to: fileURL, options: .atomic)
        } catch {
            throw .unwritable(file: fileURL.path, reason: (error as NSError).localizedDescription)
        }
    }
}

extension DecodingError {
    /// A one-line description naming the JSON path, such as `entries[3].retry: ...`.
    var readableDescription: String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let rendered = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return rendered.hasPrefix(".") ? String(rendered.dropFirst()) : (rendered.isEmpty ? "(root)" : rendered)
        }
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { " (\($0.localizedDescription))" } ?? ""
            return "\(path(context.codingPath)): \(context.debugDescription)\(underlying)"
        @unknown default:
            return "\(self)"
        }
    }
}
