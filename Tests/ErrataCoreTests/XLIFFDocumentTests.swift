import ErrataCore
import Testing

/// XLIFF 1.2 as `export --format xliff` writes it and `import --format xliff` reads it.
@Suite struct XLIFFDocumentTests {
    static let japanese = LanguageTag(rawValue: "ja")!

    static let document = XLIFFDocument(
        sourceLanguage: .english, targetLanguage: japanese, revision: 7,
        units: [
            .init(id: "NoSuchKey.message", source: #"The key <b> & "quotes" don't exist."#, target: "キー「<b>」& は存在しません。", state: .translated, notes: ["Line one\nline two\ttab", "{key} stays"]),
            .init(id: "BucketNotEmpty.acl.remediation", source: "Remove the ACL.", target: "ACL を削除します。", state: .needsReviewTranslation),
            .init(id: "SlowDown.message", source: "Slow down.", target: nil, state: nil, notes: ["no translation yet"]),
            .init(id: #"Odd&"id'<>"#, source: "x", target: "y", state: XLIFFState("x-tool's state"), notes: []),
        ]
    )

    func read(_ xml: String) throws(XLIFFError) -> XLIFFDocument {
        try XLIFFDocument(xml: Array(xml.utf8))
    }

    @Test func whatIsWrittenReadsBackTheSame() throws {
        let xml = Self.document.xml()
        #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
        #expect(xml.contains(#"<file original="Errors.xcstrings" source-language="en" target-language="ja" datatype="plaintext" errata:revision="7">"#))
        #expect(xml.contains(#"<trans-unit id="NoSuchKey.message" xml:space="preserve">"#))
        #expect(xml.contains(#"<source>The key &lt;b&gt; &amp; &quot;quotes&quot; don't exist.</source>"#))
        #expect(xml.contains(#"<target state="needs-review-translation">ACL を削除します。</target>"#))
        #expect(try read(xml) == Self.document)
    }

    @Test func catalogTextsBecomeOneUnitPerSourceText() {
        let entry = CatalogEntry(
            key: EntryKey(code: ErrorCode("EntityTooLarge")), httpStatus: 400, serviceMessage: "Your proposed upload exceeds the maximum allowed size",
            category: ErrorCategory("upload"), retry: .never, fault: .client, parameters: ["maxObjectSize": "5 TiB"],
            parameterNotes: ["maxObjectSize": "The largest single upload, with a byte unit."], comments: [.message: "Shown in upload dialogs."]
        )
        func key(_ locale: LanguageTag, _ field: TextField) -> TextKey { TextKey(entry: entry.key, locale: locale, field: field) }
        let catalog = Catalog(
            locales: [LocaleInfo(tag: .english, name: "English"), LocaleInfo(tag: Self.japanese, name: "日本語")], entries: [entry],
            texts: [
                key(.english, .message): "The object is larger than {maxObjectSize}.", key(.english, .remediation): "Use a multipart upload.",
                key(Self.japanese, .message): "オブジェクトが {maxObjectSize} を超えています。",
            ],
            needsReview: [key(Self.japanese, .message)]
        )
        let document = XLIFFDocument(translating: catalog, into: Self.japanese, revision: 3)
        #expect(document.units.map(\.id) == ["EntityTooLarge.message", "EntityTooLarge.remediation"])
        #expect(document.units.map(\.target) == ["オブジェクトが {maxObjectSize} を超えています。", nil])
        #expect(document.units.map(\.state) == [.needsReviewTranslation, nil])
        let notes = document.units[0].notes.joined(separator: "\n")
        #expect(notes.contains("HTTP 400"))
        #expect(notes.contains("Your proposed upload exceeds the maximum allowed size"))
        #expect(notes.contains("{maxObjectSize}") && notes.contains("5 TiB") && notes.contains("The largest single upload, with a byte unit."))
        #expect(notes.contains("Shown in upload dialogs."))
        #expect(!document.units[1].notes.joined().contains("Shown in upload dialogs."))
        #expect(!document.units[1].notes.joined().contains("{maxObjectSize}"))
    }

    /// A plural's note names the cases the target language uses, from CLDR.
    @Test func aPluralsNoteNamesTheTargetLanguagesCases() {
        let entry = CatalogEntry(
            key: EntryKey(code: ErrorCode("TooManyParts")), httpStatus: 400, serviceMessage: "Too many parts",
            category: ErrorCategory("upload"), retry: .never, fault: .client, parameters: ["parts": "10000"],
            parameterNotes: [:], comments: [:]
        )
        let source = "At most {parts, plural, one {# part} other {# parts}}."
        let catalog = Catalog(
            locales: [LocaleInfo(tag: .english, name: "English"), LocaleInfo(tag: LanguageTag(rawValue: "ru")!, name: "Русский")],
            entries: [entry], texts: [TextKey(entry: entry.key, locale: .english, field: .message): source], needsReview: []
        )
        let russian = XLIFFDocument(translating: catalog, into: LanguageTag(rawValue: "ru")!, revision: 1).units[0].notes
        #expect(russian.contains("{parts} is a number that picks a plural case; keep {parts, plural, …} and write the cases this language uses: one, few, many, other (# is the number). Default: 10000."))
        let japanese = XLIFFDocument(translating: catalog, into: Self.japanese, revision: 1).units[0].notes
        #expect(japanese.contains { $0.contains("write the cases this language uses: other (# is the number).") })
    }

    @Test func statesMapBothWays() {
        #expect(XLIFFState(.translated) == .translated)
        #expect(XLIFFState(.needsReview) == .needsReviewTranslation)
        #expect([XLIFFState.translated, .final, .signedOff].map(\.translationState) == [.translated, .translated, .translated])
        #expect([XLIFFState.new, .needsReviewTranslation, XLIFFState("needs-l10n"), XLIFFState("x-custom")].allSatisfy { $0.translationState == .needsReview })
    }

    @Test func toolsOwnMarkupIsPassedOver() throws {
        // Groups, another tool's namespace, alternative translations and a namespace prefix of its own choosing.
        let document = try read("""
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:e="urn:x-errata:xliff" xmlns:tool="urn:tool" version="1.2">
              <file original="Errors.xcstrings" source-language="en" target-language="ja" datatype="plaintext" e:revision="4">
                <header><tool:stats words="3"/></header>
                <body><group id="g">
                  <trans-unit id="NoSuchKey.message" approved="yes">
                    <source>No key.</source>
                    <target state="final">キーなし。</target>
                    <alt-trans><source>Old</source><target>古い</target></alt-trans>
                    <note from="translator">checked</note>
                  </trans-unit>
                </group></body>
              </file>
            </xliff>
            """)
        #expect(document.revision == 4)
        #expect(document.units == [.init(id: "NoSuchKey.message", source: "No key.", target: "キーなし。", state: .final, notes: ["checked"])])
    }

    @Test func aDocumentTypeDeclarationIsRefusedNotExpanded() {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
            <xliff version="1.2"><file source-language="en" target-language="ja"><body/></file></xliff>
            """
        #expect(throws: XLIFFError.notWellFormed(.declarationRefused("DOCTYPE", offset: 22))) { try read(laughs) }
        #expect(throws: XLIFFError.notWellFormed(.malformed("a reference to the undeclared entity 'xxe'", offset: 75))) {
            try read(#"<xliff version="1.2"><file source-language="en" target-language="ja"><body>&xxe;</body></file></xliff>"#)
        }
    }

    @Test func malformedAndForeignDocumentsAreNamed() {
        let file = #"<xliff version="1.2"><file source-language="en" target-language="ja">"#
        #expect(throws: XLIFFError.notWellFormed(.truncated)) { try read(file) }
        #expect(throws: XLIFFError.notWellFormed(.malformed("</body> closes <file>", offset: 69))) { try read(file + "</body>") }
        #expect(throws: XLIFFError.notXLIFF("the root element is <html> version (none), not <xliff> version 1.2")) { try read("<html></html>") }
        #expect(throws: XLIFFError.invalidUTF8(offset: 3)) { try XLIFFDocument(xml: Array("<x>".utf8) + [0xFF]) }
        #expect(throws: XLIFFError.tooLarge(limit: XLIFFDocument.maximumSize)) {
            try XLIFFDocument(xml: [UInt8](repeating: 0x20, count: XLIFFDocument.maximumSize + 1))
        }
        // Characters XML 1.0 does not allow, written out or as references: the writer could not write them back.
        let unit = #"<xliff version="1.2"><file source-language="en" target-language="ja"><body><trans-unit id="A.message"><source>"#
        #expect(throws: XLIFFError.notWellFormed(.malformed("a character XML does not allow", offset: 111))) { try read(unit + "a\u{1}</source>") }
        #expect(throws: XLIFFError.notWellFormed(.malformed("a reference to an invalid character", offset: 111))) { try read(unit + "a&#1;</source>") }
        #expect(throws: XLIFFError.notWellFormed(.malformed("a character XML does not allow", offset: 111))) { try read(unit + "a\u{FFFF}</source>") }
        let markup = #"<xliff version="1.2"><file source-language="en" target-language="ja"><body><trans-unit id="A.message"><source>a</source><target>x<g id="1">y</g></target></trans-unit></body></file></xliff>"#
        #expect(throws: XLIFFError.unsupported("<target> of unit 'A.message' holds markup <g>; only plain text is read")) { try read(markup) }
        #expect(throws: XLIFFError.unsupported("<file> has no well-formed target-language: name the language the targets are in")) {
            try read(#"<xliff version="1.2"><file source-language="en"></file></xliff>"#)
        }
    }
}
