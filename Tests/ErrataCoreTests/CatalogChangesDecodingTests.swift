import ErrataCore
import Foundation
import Testing

/// A delta from a newer server: changes of a text field this version does not know are skipped, so the
/// client keeps syncing the fields it knows.
@Suite struct CatalogChangesDecodingTests {
    @Test func changesOfAnUnknownFieldAreSkipped() throws {
        let json = #"""
            {"fromRevision": 3, "toRevision": 4, "locales": null,
             "changes": [
               {"code": "NoSuchKey", "variant": null, "locale": "en", "field": "message", "text": "Gone.", "state": "translated", "revision": 4},
               {"code": "NoSuchKey", "variant": null, "locale": "en", "field": "auditorNote", "text": "Later.", "state": "translated", "revision": 4}
             ],
             "removed": [{"code": "NoSuchKey", "variant": null, "locale": "ja", "field": "auditorNote"}]}
            """#
        let changes = try JSONDecoder().decode(CatalogChanges.self, from: Data(json.utf8))
        #expect(changes.changes.map(\.text) == ["Gone."])
        #expect(changes.changes.first?.field == .message)
        #expect(changes.removed.isEmpty)
        #expect(changes.toRevision == 4)
    }

    @Test func aMalformedChangeOfAKnownFieldIsStillAnError() {
        let json = #"""
            {"fromRevision": 3, "toRevision": 4, "removed": [],
             "changes": [{"code": "NoSuchKey", "locale": "en", "field": "message", "revision": 4}]}
            """#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CatalogChanges.self, from: Data(json.utf8)) }
    }
}
