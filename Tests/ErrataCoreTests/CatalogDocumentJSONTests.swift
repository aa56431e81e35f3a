@testable import ErrataCore
import Foundation
import Testing

/// The whole-catalog document written piece by piece must be exactly what `CanonicalJSON`
/// (JSONEncoder) writes: clients cache it, and its entity tag promises the same bytes.
@Suite struct CatalogDocumentJSONTests {
    /// The pieces the writer hands on, joined.
    func written(_ document: CatalogDocument, pieceSize: Int = CatalogDocument.defaultPieceSize) -> (json: Data, pieces: Int) {
        var json = Data()
        var pieces = 0
        document.writeCanonicalJSON(pieceSize: pieceSize) { piece in
            json.append(contentsOf: piece)
            pieces += 1
        }
        return (json, pieces)
    }

    @Test(arguments: [1, 1_000, CatalogDocument.defaultPieceSize])
    func writesTheSeedCatalogAsJSONEncoderDoes(pieceSize: Int) throws {
        let catalog = try LocalizationsDirectory(url: RepositoryFiles.localizations).load()
        let document = CatalogDocument(catalog: catalog, revision: 12)
        let (json, pieces) = written(document, pieceSize: pieceSize)
        #expect(json == CanonicalJSON.encode(document))
        if pieceSize == 1 {
            // One piece per entry and per text key at least: the document is never held whole.
            #expect(pieces > catalog.entries.count)
        }
    }

    @Test func writesAwkwardDocumentsAsJSONEncoderDoes() throws {
        let zhHant = try #require(LanguageTag(rawValue: "zh-Hant"))
        let locales = [LocaleInfo(tag: .english, name: "English"), LocaleInfo(tag: zhHant, name: "繁體中文 \"t\"")]
        let keys = [EntryKey(code: ErrorCode("b10")), EntryKey(code: ErrorCode("b9")), EntryKey(code: ErrorCode("B")),
                    EntryKey(code: ErrorCode("Ä")), EntryKey(code: ErrorCode("a_b"), variant: VariantName("x\"y")), EntryKey(code: ErrorCode("a-b"))]
        var texts: [TextKey: String] = [:]
        for key in keys {
            texts[TextKey(entry: key, locale: .english, field: .message)] = "\(key) </script>\n\t\u{1}"
            texts[TextKey(entry: key, locale: zhHant, field: .remediation)] = "檢查 \\ \u{2028}"
        }
        let entries = keys.enumerated().map { index, key in
            CatalogEntry(
                key: key, httpStatus: 400 + index, serviceMessage: "m\(index) \"q\"", category: ErrorCategory("c/\(index)"),
                retry: index.isMultiple(of: 2) ? .retryable : .never, fault: .client,
                parameters: ["Zeta": "1", "alpha": "ä", "a10": "", "a9": "\u{0}"], parameterNotes: ["alpha": "dropped from the document"],
                retryPolicy: index == 0 ? RetryPolicy(baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 3, honorRetryAfter: false) : nil
            )
        }
        var document = CatalogDocument(catalog: Catalog(
            sourceLocale: .english, locales: locales, entries: entries, texts: texts,
            needsReview: [TextKey(entry: keys[1], locale: zhHant, field: .remediation)],
            retryPolicies: RetryPolicies(throttling: RetryPolicy(baseDelayMs: 5, maxDelayMs: 50, maxAttempts: 2, honorRetryAfter: true))
        ), revision: Int.max)
        #expect(written(document, pieceSize: 7).json == CanonicalJSON.encode(document))
        // A document read from elsewhere may carry a placeholder note, written as an object.
        document.entries[0].parameters["alpha"]?.note = "a \"note\""
        document.retryPolicies = nil
        #expect(written(document, pieceSize: 7).json == CanonicalJSON.encode(document))
        document.retryPolicies = RetryPolicies(retryable: RetryPolicy(baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 1, honorRetryAfter: true))
        #expect(written(document).json == CanonicalJSON.encode(document))
        let empty = CatalogDocument(catalog: Catalog(sourceLocale: .english, locales: [], entries: [], texts: [:]), revision: 0)
        #expect(written(empty).json == CanonicalJSON.encode(empty))
    }
}
