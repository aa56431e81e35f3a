import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The overview an admin console edits from carries each field's translator comment and each
/// placeholder's note; the public answers do not.
@Suite struct AdminNotesTests {
    static let comments: [TextField: String] = [.message: "The title of the upload error.", .remediation: "Says how to upload a larger file."]

    /// A service whose EntityTooLarge has comments, given to it by an import.
    static func annotatedService() async throws -> TestService {
        let service = try await TestService()
        var files = try LocalizationsDirectory(url: TestService.localizations).load()
        let index = try #require(files.entries.firstIndex { $0.code == ErrorCode("EntityTooLarge") })
        files.entries[index].comments = comments
        _ = try await service.store.importDraft(files, baseRevision: 1, author: "import")
        return service
    }

    static func expectNotes(in overview: JSONValue) {
        let tooLarge = AdminReviewRPCTests.entry("EntityTooLarge", in: overview)
        #expect(tooLarge?["comments"] == ["message": .string(comments[.message]!), "remediation": .string(comments[.remediation]!)])
        let placeholder = tooLarge?["placeholders"]?[0]
        #expect(placeholder?["name"] == "maxObjectSize" && placeholder?["default"] == "5 GiB")
        guard case .string(let note)? = placeholder?["note"] else { Issue.record("no note on {maxObjectSize}"); return }
        #expect(note.contains("5 GiB"))
        // An entry without comments has none; a placeholder without note is its name and default.
        #expect(AdminReviewRPCTests.entry("NoSuchKey", in: overview)?["comments"] == [:])
    }

    @Test func theOverviewCarriesCommentsAndPlaceholderNotesOverRPCAndREST() async throws {
        let service = try await Self.annotatedService()
        let token = try await service.store.createToken(name: "erin", scope: .edit)
        try await service.test(.live) { client in
            let overview = try #require(try await AdminConsoleRPCTests.call(client, "admin.overview", token: token)["result"])
            Self.expectNotes(in: overview)
            try await client.execute(uri: "/v1/admin/overview", method: .get, headers: AdminRESTTests.headers(token)) { (response) throws in
                #expect(response.status == .ok)
                Self.expectNotes(in: try response.json())
            }
        }
    }

    /// The served catalog holds the placeholder notes of `Localizations/`; what clients read has none.
    @Test func publicAnswersLeaveNotesOut() async throws {
        let service = try await TestService()
        #expect(service.live.served.snapshot.catalog.entries.contains { !$0.parameterNotes.isEmpty })
        try await service.test(.live) { client in
            let described = try await AdminConsoleRPCTests.call(client, "errors.describe", ["code": "EntityTooLarge"], token: nil)
            let snapshot = try await client.execute(uri: "/v1/catalog/snapshot", method: .get) { $0.body }
            for body in [String(decoding: CanonicalJSON.encode(described), as: UTF8.self), String(buffer: snapshot)] {
                #expect(!body.contains("\"note\"") && !body.contains("\"comments\""))
            }
        }
    }
}
