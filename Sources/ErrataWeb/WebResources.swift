public import ErrataCore
import Foundation
import Mustache

/// Everything the pages are made of, read once from the module's resources: templates, the
/// strings of each locale, the stylesheet and script, the browser client's files and the admin console's.
package struct WebResources: Sendable {
    /// The resources shipped with this build, or why they cannot be used.
    package static let bundled: Result<WebResources, WebResourceError> = Result { () throws(WebResourceError) in
        try WebResources(directory: Bundle.module.resourceURL ?? Bundle.module.bundleURL)
    }

    let templates: MustacheLibrary
    /// The pages' stylesheet and script, by file name.
    package let assets: [String: WebAsset]
    /// The files of `GET /client/{name}`, by file name.
    package let clientFiles: [String: WebAsset]
    /// The admin console's shell (`index.html`, at `GET /admin`) and modules (`GET /admin/{name}`), by file name.
    package let adminFiles: [String: WebAsset]
    /// Flattened strings by locale; English is always present.
    private let strings: [LanguageTag: [String: String]]
    /// A hash of the templates, strings and assets: what a page looks like besides the catalog's texts.
    let fingerprint: String

    init(directory: URL) throws(WebResourceError) {
        var templates = MustacheLibrary()
        var content = Data()
        for (name, data) in try Self.files(in: directory.appendingPathComponent("templates")) where name.hasSuffix(".mustache") {
            content.append(data)
            do {
                try templates.register(String(decoding: data, as: UTF8.self), named: String(name.dropLast(".mustache".count)))
            } catch {
                throw WebResourceError("template \(name) does not parse: \(error)")
            }
        }
        var strings: [LanguageTag: [String: String]] = [:]
        for (name, data) in try Self.files(in: directory.appendingPathComponent("strings")) where name.hasSuffix(".json") {
            content.append(data)
            guard let locale = LanguageTag(rawValue: String(name.dropLast(".json".count))) else {
                throw WebResourceError("strings file \(name) is not named by a language tag")
            }
            do {
                strings[locale] = try PageStrings.flatten(data)
            } catch {
                throw WebResourceError("strings file \(name) does not read: \(error)")
            }
        }
        guard strings[.english] != nil else { throw WebResourceError("the English strings file is missing") }
        self.templates = templates
        self.strings = strings
        let assets = try Self.assets(in: directory.appendingPathComponent("static"))
        content.append(contentsOf: assets.keys.sorted().compactMap { assets[$0]?.version }.joined().utf8)
        self.assets = assets
        self.clientFiles = try Self.assets(in: directory.appendingPathComponent("client"))
        self.adminFiles = try Self.assets(in: directory.appendingPathComponent("admin"))
        guard adminFiles["index.html"] != nil else { throw WebResourceError("the admin console's index.html is missing") }
        self.fingerprint = Fingerprint.of(content)
    }

    /// The page strings for `locale`: its own file (or its language's, `zh-Hant-TW` → `zh-Hant`), over English.
    package func strings(for locale: LanguageTag) -> PageStrings {
        let english = strings[.english] ?? [:]
        var candidate: LanguageTag? = locale
        while let tag = candidate {
            if let own = strings[tag] {
                return PageStrings(locale: tag, values: english.merging(own) { _, own in own })
            }
            candidate = tag.truncated
        }
        return PageStrings(locale: .english, values: english)
    }

    /// The locales with a strings file of their own.
    package var localesWithStrings: [LanguageTag] {
        strings.keys.sorted()
    }

    /// Renders the template `name` with `context`.
    func render(_ name: String, _ context: Any) throws(WebResourceError) -> String {
        guard let html = templates.render(context, withTemplate: name) else {
            throw WebResourceError("template \(name) is missing")
        }
        return html
    }

    // MARK: - Reading files

    /// The regular, non-hidden files of a folder, by name.
    private static func files(in folder: URL) throws(WebResourceError) -> [(String, Data)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw WebResourceError("resource folder \(folder.lastPathComponent) is missing: \(error)")
        }
        return try names.filter { !$0.hasPrefix(".") }.sorted().map { name throws(WebResourceError) in
            do {
                return (name, try Data(contentsOf: folder.appendingPathComponent(name)))
            } catch {
                throw WebResourceError("resource \(name) does not read: \(error)")
            }
        }
    }

    private static func assets(in folder: URL) throws(WebResourceError) -> [String: WebAsset] {
        Dictionary(uniqueKeysWithValues: try files(in: folder).map { ($0.0, WebAsset(name: $0.0, body: $0.1)) })
    }
}
