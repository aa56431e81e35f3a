import ErrataCore
import ErrataStore
import Foundation

/// `export --format xliff` and `import --format xliff`: one locale's texts as an XLIFF 1.2 file.
enum XLIFFFiles {
    /// Writes the texts of `catalog` to translate into `locale` to `path`.
    ///
    /// - Returns: How many units the file holds.
    /// - Throws: ``CommandFailure`` for a locale the catalog lacks or is its source, or a file that cannot be written.
    static func export(_ catalog: Catalog, locale name: String, revision: Int, to path: String) throws -> Int {
        guard let locale = LanguageTag(rawValue: name) else { throw CommandFailure(message: "--locale '\(name)' is not a BCP 47 language tag") }
        guard catalog.locales.contains(where: { $0.tag == locale }) else {
            throw CommandFailure(message: "locale \(locale) is not in the catalog; add it with admin.addLocale first")
        }
        guard locale != catalog.sourceLocale else {
            throw CommandFailure(message: "\(locale) is the catalog's source language; export a locale to translate into")
        }
        let document = XLIFFDocument(translating: catalog, into: locale, revision: revision)
        do {
            try Data(document.xml().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure(message: "cannot write \(path): \((error as NSError).localizedDescription)")
        }
        return document.units.count
    }

    /// Stages the translations of the XLIFF file at `path` in the draft and prints what became of each unit,
    /// with the glossary warnings of each changed one.
    ///
    /// - Throws: ``CommandFailure`` for a file that cannot be read or is not XLIFF Errata reads, or
    ///   languages the catalog cannot take.
    static func importTranslations(from path: String, into store: CatalogStore) async throws -> TranslationImportReport {
        let document: XLIFFDocument
        do {
            document = try XLIFFDocument(xml: try read(path))
        } catch let error as XLIFFError {
            throw CommandFailure(message: "\(path): \(error)")
        }
        let report: TranslationImportReport
        do {
            report = try await store.importTranslations(
                document.units.map(ImportedTranslation.init), into: document.targetLanguage, from: document.sourceLanguage, baseRevision: document.revision, author: "import"
            )
        } catch let error as EditError {
            throw CommandFailure(message: error.description)
        } catch let error as StoreError {
            throw CommandFailure(message: error.description)
        }
        print(summary(of: report, locale: document.targetLanguage))
        let glossary = try await store.glossary()
        let targets = Dictionary(document.units.map { ($0.id, $0.target ?? "") }, uniquingKeysWith: { first, _ in first })
        for unit in report.units {
            switch unit.outcome {
            case .changed:
                print("changed: \(unit.id)")
                for line in WarningLines.lines(for: targets[unit.id] ?? "", locale: document.targetLanguage, named: unit.id, glossary: glossary) {
                    print(line)
                }
            case .stale(let currentSource): print("stale: \(unit.id): the source text changed since the export; it is now \"\(currentSource)\"")
            case .conflict(let reason), .invalid(let reason): print("\(unit.outcome.name): \(unit.id): \(reason)")
            case .unchanged, .untranslated: continue
            }
        }
        return report
    }

    /// One line: how many units had each outcome.
    private static func summary(of report: TranslationImportReport, locale: LanguageTag) -> String {
        let counts = ["changed", "unchanged", "untranslated", "stale", "conflict", "invalid"].map { "\(report.ids($0).count) \($0)" }
        return "\(locale): \(counts.joined(separator: ", ")); the changed units are staged in the draft"
    }

    /// The file's bytes, reading no more than ``XLIFFDocument/maximumSize`` and one byte.
    private static func read(_ path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CommandFailure(message: "cannot read \(path)") }
        defer { try? handle.close() }
        do {
            return [UInt8](try handle.read(upToCount: XLIFFDocument.maximumSize + 1) ?? Data())
        } catch {
            throw CommandFailure(message: "cannot read \(path): \((error as NSError).localizedDescription)")
        }
    }
}
