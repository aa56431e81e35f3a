import ErrataCore
import ErrataStore
import Foundation
import Testing

/// `errata-server export --format xliff` and `import --format xliff` as a translator's round trip meets them.
@Suite struct XLIFFCommandTests {
    static let french = LanguageTag(rawValue: "fr")!

    /// A service whose catalog has French added (no texts yet), as `admin.addLocale` leaves it.
    func serviceWithFrench() async throws -> TestService {
        let service = try await TestService()
        _ = try await service.store.addLocale(Self.french, name: "Français", author: nil)
        return service
    }

    func run(_ arguments: [String], on service: TestService) throws -> ServerCommandTests.Outcome {
        try ServerCommandTests.run(arguments + ["--database", service.databasePath])
    }

    func export(_ locale: String, from service: TestService) throws -> (file: URL, document: XLIFFDocument) {
        let file = service.directory.appendingPathComponent("\(locale)-\(UUID().uuidString).xliff")
        let outcome = try run(["export", "--format", "xliff", "--locale", locale, "--output", file.path], on: service)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return (file, try XLIFFDocument(xml: Array(try Data(contentsOf: file))))
    }

    @Test func filledTargetsAreStagedAndTheRestReported() async throws {
        let service = try await serviceWithFrench()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let (file, exported) = try export("fr", from: service)
        var document = exported
        #expect(document.units.allSatisfy { $0.target == nil })
        #expect(document.revision == 2)

        let unchanged = try run(["import", "--format", "xliff", file.path], on: service)
        #expect(unchanged.status == 0, "\(unchanged.standardError)")
        #expect(unchanged.standardOutput.hasPrefix("fr: 0 changed, 0 unchanged, \(document.units.count) untranslated, 0 stale"))

        let index = try #require(document.units.firstIndex { $0.id == "NoSuchKey.message" })
        document.units[index].target = "La clé indiquée n’existe pas."
        document.units[index].state = .translated
        try Data(document.xml().utf8).write(to: file)
        let filled = try run(["import", "--format", "xliff", file.path], on: service)
        #expect(filled.status == 0, "\(filled.standardError)")
        #expect(filled.standardOutput.contains("\nchanged: NoSuchKey.message\n"))
        #expect(try await service.store.draft().map(\.text) == ["La clé indiquée n’existe pas."])
    }

    @Test func aChangedUnitIsFollowedByItsGlossaryWarningsAndStillStaged() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let (file, exported) = try export("zh-Hans", from: service)
        var document = exported
        let index = try #require(document.units.firstIndex { $0.id == "NoSuchKey.message" })
        document.units[index].target = "指定的对像不存在。"  // 对像: the glossary's variant to avoid for object
        try Data(document.xml().utf8).write(to: file)
        let outcome = try run(["import", "--format", "xliff", file.path], on: service)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("""

            changed: NoSuchKey.message
            warning: NoSuchKey.message (zh-Hans): “对像” at 3 is a variant to avoid for object; the glossary says “对象”

            """))
        #expect(try await service.store.draft().map(\.text) == ["指定的对像不存在。"])
    }

    @Test func refusedUnitsMakeTheExitCodeOne() async throws {
        let service = try await serviceWithFrench()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let (file, exported) = try export("fr", from: service)
        var document = exported
        document.units[0].source = "A source text that changed."
        document.units[0].target = "翻訳。"
        try Data(document.xml().utf8).write(to: file)
        let outcome = try run(["import", "--format", "xliff", file.path], on: service)
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("\nstale: \(document.units[0].id): the source text changed since the export"))
        #expect(try await service.store.draft().isEmpty)
    }

    @Test(arguments: [
        (#"<xliff version="1.2"><file source-language="en" target-language="ja"><body>"#, "truncated"),
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xliff version=\"1.2\">&e;</xliff>", "document type and entity declarations are refused"),
        ("<xliff version=\"2.0\"></xliff>", "not XLIFF 1.2"),
    ])
    func unreadableFilesFailWithOneLineAndExitCodeTwo(xml: String, named: String) async throws {
        let service = try await serviceWithFrench()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let file = service.directory.appendingPathComponent("bad.xliff")
        try Data(xml.utf8).write(to: file)
        let outcome = try run(["import", "--format", "xliff", file.path], on: service)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.split(separator: "\n").count == 1, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(named), "\(outcome.standardError)")
        #expect(try await service.store.draft().isEmpty)
    }

    @Test func aLocaleTheCatalogLacksIsNamedWithHowToAddIt() async throws {
        let service = try await serviceWithFrench()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let output = service.directory.appendingPathComponent("de.xliff").path
        let german = try run(["export", "--format", "xliff", "--locale", "de", "--output", output], on: service)
        #expect(german.status == 2)
        #expect(german.standardError == "errata-server: locale de is not in the catalog; add it with admin.addLocale first\n")

        let (file, exported) = try export("fr", from: service)
        var document = exported
        document.targetLanguage = LanguageTag(rawValue: "de")!
        try Data(document.xml().utf8).write(to: file)
        let imported = try run(["import", "--format", "xliff", file.path], on: service)
        #expect(imported.status == 2)
        #expect(imported.standardError == "errata-server: locale de is not in the catalog; add it with admin.addLocale first\n")

        #expect(try run(["export", "--format", "xliff", "--output", output], on: service).status == 2)
    }
}
