@testable import ErrataCore
import Foundation
import Testing

/// `Localizations/` files are laid out as they are committed, whatever the strings hold.
@Suite struct LocalizationsLayoutTests {
    func layout(_ json: String) -> String {
        String(decoding: LocalizationsFileLayout.indented(Array(json.utf8)), as: UTF8.self)
    }

    @Test func indentsObjectsAndArraysAndKeepsEmptyOnesOnOneLine() {
        #expect(layout(#"{"a":[1,{}],"b":{"c":null,"d":[]}}"#) == """
            {
              "a": [
                1,
                {}
              ],
              "b": {
                "c": null,
                "d": []
              }
            }

            """)
    }

    @Test func copiesStringsAsTheyAre() {
        let tricky = #"{"k":"a \"{quoted}\": [x, y], back\\","l":"\\\"{}"}"#
        #expect(layout(tricky) == """
            {
              "k": "a \\"{quoted}\\": [x, y], back\\\\",
              "l": "\\\\\\"{}"
            }

            """)
    }

    /// A hand edit of `Localizations/` (keys out of order, another indentation) fails here, before an
    /// export would rewrite it.
    @Test func theCommittedFilesAreInTheLayout() throws {
        let directory = LocalizationsDirectory(url: RepositoryFiles.localizations)
        let manifest = try Data(contentsOf: directory.manifestURL)
        #expect(try LocalizationsFileLayout.encode(JSONDecoder().decode(CatalogManifest.self, from: manifest)) == manifest)
        let strings = try Data(contentsOf: directory.stringCatalogURL)
        #expect(try LocalizationsFileLayout.encode(JSONDecoder().decode(StringCatalog.self, from: strings)) == strings)
    }
}
