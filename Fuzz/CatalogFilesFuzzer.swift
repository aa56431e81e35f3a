// libFuzzer target: the catalog file parsers — `catalog.json` (`CatalogManifest`), `Errors.xcstrings`
// (`StringCatalog`), the published catalog document (`CatalogDocument`) — and what is built from them:
// `LocalizationsDirectory.catalog(manifest:strings:)`, `CatalogValidator`, `CatalogSnapshot`.
//
// Compiled into one module together with every Sources/ErrataCore file (see Fuzz/run.sh), so the
// internal `LocalizationsDirectory.catalog(manifest:strings:)` and `stringCatalog(for:)` are reachable.
//
// Input: one JSON file, or two joined by a NUL byte (`catalog.json` NUL `Errors.xcstrings`). Each part
// is tried as all three file types. A manifest without a string catalog is combined with an empty one,
// a string catalog without a manifest with a small built-in one.
//
// Checked:
// - parsing never crashes; whatever decodes re-encodes (as the writer encodes) and decodes back equal;
// - a CatalogDocument's `.catalog`, written back as `CatalogDocument(catalog:revision:)`, encodes and
//   decodes back to an equal document whose `.catalog` is the same catalog;
// - a catalog combined from manifest + strings, written back as the two files
//   (`CatalogManifest(catalog:)`, `LocalizationsDirectory.stringCatalog(for:)`), reads back equal;
// - on every catalog: the validator's findings are consistent (missing texts, source locale), and
//   `CatalogSnapshot` finds every entry, describes it in every locale without throwing, keeps locale
//   order, refuses an undeclared parameter; on a catalog the validator passes, no description falls
//   back and each is the entry's own text rendered with its defaults (never empty when they are not);
//   templates re-render to themselves.

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalogFiles(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = Data(UnsafeRawBufferPointer(start: start, count: count))
    let parts: [Data]
    if let separator = input.firstIndex(of: 0) {
        parts = [input[input.startIndex..<separator], input[(separator + 1)...]].map { Data($0) }
    } else {
        parts = [input]
    }

    var manifest: CatalogManifest?
    var strings: StringCatalog?
    for part in parts {
        if let decoded = roundTrip(CatalogManifest.self, part) { manifest = manifest ?? decoded }
        if let decoded = roundTrip(StringCatalog.self, part) { strings = strings ?? decoded }
        if let document = roundTrip(CatalogDocument.self, part) { checkDocument(document) }
    }
    if manifest != nil || strings != nil {
        let manifest = manifest ?? builtInManifest
        let strings = strings ?? StringCatalog(sourceLanguage: manifest.sourceLanguage.rawValue, strings: [:])
        checkFiles(manifest: manifest, strings: strings)
    }
    return 0
}

// MARK: - Files

/// Decodes `data` as `T`; when it decodes, checks that it re-encodes and decodes back equal.
private func roundTrip<T: Codable & Equatable>(_ type: T.Type, _ data: Data) -> T? {
    guard let value = try? JSONDecoder().decode(type, from: data) else { return nil }
    let encoded: Data
    do {
        encoded = try LocalizationsFileLayout.encode(value)  // as LocalizationsDirectory.write encodes
    } catch {
        fatalError("decoded \(type) does not encode: \(error)")
    }
    let again: T
    do {
        again = try JSONDecoder().decode(type, from: encoded)
    } catch {
        fatalError("re-encoded \(type) does not decode: \(error)\n\(String(decoding: encoded.prefix(1_000), as: UTF8.self))")
    }
    require(again == value, "\(type) changed in a round trip:\n\(String(decoding: encoded.prefix(1_000), as: UTF8.self))")
    return value
}

private func checkDocument(_ document: CatalogDocument) {
    let catalog = document.catalog
    require(catalog.entries.count == document.entries.count && catalog.locales == document.locales)
    require(catalog.needsReview.isSubset(of: Set(catalog.texts.keys)), "needsReview names a text that does not exist")
    let rewritten = CatalogDocument(catalog: catalog, revision: document.revision)
    let encoded = CanonicalJSON.encode(rewritten)
    let decoded: CatalogDocument
    do {
        decoded = try JSONDecoder().decode(CatalogDocument.self, from: encoded)
    } catch {
        fatalError("a written CatalogDocument does not decode: \(error)\n\(String(decoding: encoded.prefix(1_000), as: UTF8.self))")
    }
    require(decoded == rewritten, "CatalogDocument changed in a round trip:\n\(String(decoding: encoded.prefix(1_000), as: UTF8.self))")
    require(decoded.catalog == catalog, "CatalogDocument(catalog:).catalog differs from the catalog it was made of")
    checkCatalog(catalog, revision: document.revision)
}

private func checkFiles(manifest: CatalogManifest, strings: StringCatalog) {
    let catalog = LocalizationsDirectory.catalog(manifest: manifest, strings: strings)
    // An entry is its manifest entry plus the translator comments of its keys in the string catalog.
    let uncommented = catalog.entries.map { entry in
        var entry = entry
        entry.comments = [:]
        return entry
    }
    require(uncommented == manifest.entries.map(\.catalogEntry) && catalog.locales == manifest.locales)
    for entry in catalog.entries {
        for field in TextField.allCases {
            require(entry.comments[field] == strings.strings[entry.key.stringKey(field)]?.comment, "a translator comment was lost")
        }
    }
    require(catalog.needsReview.isSubset(of: Set(catalog.texts.keys)), "needsReview names a text that does not exist")

    // Write the two files as `LocalizationsDirectory.write` does, read them back.
    let manifestData: Data
    let stringsData: Data
    do {
        manifestData = try LocalizationsFileLayout.encode(CatalogManifest(catalog: catalog, revision: manifest.revision))
        stringsData = try LocalizationsFileLayout.encode(LocalizationsDirectory.stringCatalog(for: catalog))
    } catch {
        fatalError("a catalog read from files cannot be written: \(error)")
    }
    do {
        let manifest2 = try JSONDecoder().decode(CatalogManifest.self, from: manifestData)
        let strings2 = try JSONDecoder().decode(StringCatalog.self, from: stringsData)
        require(manifest2.revision == manifest.revision && manifest2.formatVersion == CatalogManifest.currentFormatVersion)
        require(LocalizationsDirectory.catalog(manifest: manifest2, strings: strings2) == catalog,
                     "catalog changed when written to files and read back")
    } catch {
        fatalError("written catalog files do not decode: \(error)")
    }
    checkCatalog(catalog, revision: manifest.revision ?? 0)
}

/// A small real manifest (two entries from Localizations/catalog.json) for string catalogs fuzzed alone.
private let builtInManifest: CatalogManifest = {
    let json = #"""
    {"formatVersion": 1, "sourceLanguage": "en",
     "locales": [{"tag": "en", "name": "English"}, {"tag": "zh-Hans", "name": "简体中文"}, {"tag": "zh-Hant", "name": "繁體中文"}],
     "entries": [
      {"code": "AccessDenied", "variant": null, "httpStatus": 403, "serviceMessage": "Access Denied",
       "category": "auth", "retry": "never", "fault": "client", "parameters": {}},
      {"code": "EntityTooLarge", "variant": null, "httpStatus": 400,
       "serviceMessage": "Your proposed upload exceeds the maximum allowed object size.",
       "category": "upload", "retry": "never", "fault": "client", "parameters": {"maxObjectSize": "5 GiB"}},
      {"code": "BucketNotEmpty", "variant": "objects", "httpStatus": 409,
       "serviceMessage": "The bucket you tried to delete is not empty.",
       "category": "bucket", "retry": "never", "fault": "client", "parameters": {}}]}
    """#
    return try! JSONDecoder().decode(CatalogManifest.self, from: Data(json.utf8))
}()

// MARK: - Catalog

private let maximumChecked = 24  // entries and locales looked at per catalog, to keep runs fast

private func checkCatalog(_ catalog: Catalog, revision: Int) {
    let problems = CatalogValidator.problems(in: catalog)
    require(problems.allSatisfy { !$0.description.isEmpty })
    let localeTags = Set(catalog.locales.map(\.tag))
    require(problems.contains(.sourceLocaleMissing(catalog.sourceLocale)) == !localeTags.contains(catalog.sourceLocale),
                 "validator is wrong about the source locale \(catalog.sourceLocale)")
    for key in catalog.expectedTextKeys.prefix(maximumChecked * 4) {
        require(problems.contains(.missingText(key)) == (catalog[key] == nil), "validator is wrong about text \(key)")
    }

    for text in catalog.texts.values.prefix(maximumChecked * 4) {
        let pattern = MessagePattern(text)
        let placeholders = pattern.placeholders
        let identity = Dictionary(placeholders.map { ($0, "{\($0)}") }, uniquingKeysWith: { first, _ in first })
        // Apostrophes quote, plurals choose and `{ a }` is `{a}`, so a text of plain placeholders filled
        // with themselves keeps its placeholders rather than every character.
        if !text.contains("'"), pattern.argumentKinds.values.allSatisfy({ $0 == [.simple] }) {
            let rendered = (try? pattern.rendered(with: identity, locale: .english)) ?? ""
            require(MessagePattern(rendered).placeholders == placeholders, "template \(String(reflecting: text)) loses placeholders re-rendered")
        }
        require(placeholders.allSatisfy { !$0.isEmpty && $0.count <= 64 })
        _ = TextRules.problems(in: text, sourceText: nil, declaredParameters: identity)
    }

    let snapshot = CatalogSnapshot(catalog: catalog, revision: revision)
    require(snapshot.revision == revision && snapshot.catalog == catalog)
    require(snapshot.locales.map(\.tag) == catalog.locales.map(\.tag), "snapshot changed the locale order")
    let valid = problems.isEmpty

    for entry in catalog.entries.prefix(maximumChecked) {
        let found: CatalogEntry
        do {
            found = try snapshot.entry(code: entry.code, variant: entry.variant)
        } catch {
            fatalError("snapshot does not find catalog entry \(entry.key): \(error)")
        }
        require(found.code == entry.code && (entry.variant == nil || found.key == entry.key), "looked up \(entry.key), got \(found.key)")
        do {
            let matched = try snapshot.matchEntry(code: entry.code, serviceMessage: entry.serviceMessage)
            require(matched.code == entry.code, "matchEntry for \(entry.key) gave \(matched.key)")
        } catch {
            fatalError("matchEntry fails for catalog entry \(entry.key): \(error)")
        }
        if entry.code.rawValue.lowercased().utf8.count <= 128 {
            let suggestions = snapshot.suggestions(for: entry.code.rawValue)
            require(suggestions.contains { $0.rawValue.lowercased() == entry.code.rawValue.lowercased() },
                         "no suggestion for the catalog's own code \(entry.code)")
        }
        let undeclared = "\u{1}undeclared"
        if entry.parameters[undeclared] == nil {
            do {
                _ = try snapshot.describe(entry, negotiation: .init(locale: catalog.sourceLocale, fallback: false), parameters: [undeclared: "x"])
                fatalError("an undeclared parameter was accepted for \(entry.key)")
            } catch {
                require(error == .unknownParameter(undeclared, entry: entry.key), "describe threw \(error)")
            }
        }
        for locale in catalog.locales.prefix(maximumChecked) {
            let description: ErrorDescription
            do {
                description = try snapshot.describe(entry, negotiation: .init(locale: locale.tag, fallback: false))
            } catch {
                fatalError("describing \(entry.key) in \(locale.tag) failed: \(error)")
            }
            require(description.code == entry.code && description.locale == locale.tag && description.revision == revision)
            if valid, found.key == entry.key {
                require(!description.fallback, "\(entry.key) fell back in \(locale.tag) in a valid catalog")
                let own = catalog[TextKey(entry: entry.key, locale: locale.tag, field: .message)]!
                let expected = try? MessagePattern(own).rendered(with: found.parameters, locale: locale.tag)
                require(description.message == expected, "\(entry.key) in \(locale.tag): \(description.message) ≠ \(String(describing: expected))")
                if found.parameters.values.allSatisfy({ !$0.isEmpty }) {
                    require(!description.message.isEmpty && !description.remediation.isEmpty, "empty text for \(entry.key) in \(locale.tag)")
                }
            }
        }
    }

    for locale in catalog.locales.prefix(maximumChecked) {
        let negotiation = snapshot.negotiator.negotiate(explicit: locale.tag.rawValue, acceptLanguage: nil)
        require(localeTags.contains(negotiation.locale) || negotiation.locale == catalog.sourceLocale)
        let all = snapshot.describeAll(negotiation: negotiation)
        require(all.count == catalog.entries.count, "describeAll gave \(all.count) of \(catalog.entries.count) entries")
    }
    // A locale outside the catalog is served, marked as a fallback.
    if let outside = LanguageTag(rawValue: "qqq-Qaaa"), !localeTags.contains(outside),
        let entry = catalog.entries.first
    {
        let description = try? snapshot.describe(entry, negotiation: .init(locale: outside, fallback: false))
        require(description?.fallback == true, "a locale outside the catalog was not marked as a fallback")
    }
}

/// `precondition` that keeps its message in optimized builds, so that a finding says what broke.
private func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = "", file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
