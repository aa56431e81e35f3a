public import Foundation

extension LocalizationsDirectory {
    public static let glossaryFileName = "glossary.json"

    public var glossaryURL: URL { url.appendingPathComponent(Self.glossaryFileName) }

    /// Reads `glossary.json`, checked against the catalog's locales; `nil` when the directory has none
    /// (an older directory: its texts get no glossary warnings).
    ///
    /// - Throws: ``CatalogFileError`` naming the file and the place of the problem.
    public func loadGlossary(locales: [LocaleInfo]) throws(CatalogFileError) -> Glossary? {
        let data: Data
        do {
            data = try Data(contentsOf: glossaryURL)
        } catch CocoaError.fileReadNoSuchFile {
            return nil
        } catch {
            throw .unreadable(file: glossaryURL.path, reason: (error as NSError).localizedDescription)
        }
        do {
            return try Glossary(document: data, locales: Set(locales.map(\.tag)))
        } catch {
            throw .malformed(file: glossaryURL.path, reason: error.description)
        }
    }

    /// Writes `glossary.json` as the glossary was read, or removes the directory's one when there is
    /// no glossary, so that the directory says what the catalog has.
    ///
    /// - Throws: ``CatalogFileError/unwritable(file:reason:)``.
    public func writeGlossary(_ glossary: Glossary?) throws(CatalogFileError) {
        do {
            if let glossary {
                try glossary.document.write(to: glossaryURL, options: .atomic)
            } else if FileManager.default.fileExists(atPath: glossaryURL.path) {
                try FileManager.default.removeItem(at: glossaryURL)
            }
        } catch {
            throw .unwritable(file: glossaryURL.path, reason: (error as NSError).localizedDescription)
        }
    }
}
