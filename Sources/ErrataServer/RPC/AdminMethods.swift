import ErrataCore
import ErrataStore
import Foundation

/// The admin methods (`admin.*`), each authorized on its own by bearer token and scope.
struct AdminMethods: Sendable {
    static let maximumNoteLength = 500

    let editor: CatalogEditor
    let access: AccessControl

    var methods: [RPCMethod] {
        [
            RPCMethod("admin.getText", parameters: ["code", "variant", "locale", "field"], handler: getText),
            RPCMethod("admin.setText", parameters: ["code", "variant", "locale", "field", "text", "expectedRevision", "publish", "note"], handler: setText),
            RPCMethod("admin.draft", handler: draft),
            RPCMethod("admin.discardDraft", handler: discardDraft),
            RPCMethod("admin.publish", parameters: ["note"], handler: publish),
            RPCMethod("admin.revert", parameters: ["toRevision", "note"], handler: revert),
            RPCMethod("admin.history", parameters: ["code", "locale", "limit", "before"], handler: history),
            RPCMethod("admin.addLocale", parameters: ["tag", "name"], handler: addLocale),
        ]
    }

    // MARK: - Methods

    @Sendable func getText(_ params: RPCParams, _ context: RPCCallContext) async throws -> Data {
        _ = try await access.authorize(.edit, context)
        let key = try Self.textKey(params)
        return CanonicalJSON.encode(try await Self.editing { try await editor.store.text(key) })
    }

    @Sendable func setText(_ params: RPCParams, _ context: RPCCallContext) async throws -> Data {
        let publish = try params.bool("publish") ?? false
        let token = try await access.authorize(publish ? .publish : .edit, context)
        let key = try Self.textKey(params)
        let text = try params.string("text", required: true, maximumLength: TextRules.maximumLength)!
        let expected = try params.integer("expectedRevision", required: true, in: 0...Int.max)!
        let note = try Self.note(params) ?? "Edited \(key.stringKey) (\(key.locale))"
        let outcome = try await Self.editing {
            try await editor.setText(key, text: text, expectedRevision: expected, author: token?.name, publishNote: publish ? note : nil)
        }
        return CanonicalJSON.encode(SetTextResult(
            text: outcome.version.text, draftRevision: outcome.version.revision, state: outcome.version.state.rawValue,
            pending: outcome.version.pending, publishedRevision: outcome.published
        ))
    }

    @Sendable func draft(_ params: RPCParams, _ context: RPCCallContext) async throws -> Data {
        _ = try await access.authorize(.edit, context)
        return CanonicalJSON.encode(DraftListing(try await editor.store.draft()))
    }

    @Sendable func discardDraft(_ params: RPCParams, _ context: RPCCallContext) async throws -> Data {
        _ = try await access.authorize(.publish, context)
        return CanonicalJSON.encode(["discarded": try await editor.store.discardDraft()])
    }

    @Sendable func publish(_ params: RPCParams, _ context: RPCCallContext) async throws -> Data {
        let token = try await access.authorize(.publish, context)
        let note = try Self.note(params, required: true)!
        let revision = try await Self.editing { try await editor.publish(note: note, author: token?.name) }
        return CanonicalJSON.encode(["revision": revision])
    }

    @Sendable func revert(_ params: RPCParams, _ context: RPCCallContext) async throws -> Data {
        let token = try await access.authorize(.publish, context)
        let target = try params.integer("toRevision", required: true, in: 1...Int.max)!
        let note = try Self.note(params, required: true)!
        let revision = try await Self.editing { try await editor.revert(to: target, note: note, author: token?.name) }
        return CanonicalJSON.encode(["revision": revision])
    }

    @Sendable func history(_ params: RPCParams, _ context: RPCCallContext) async throws -> Data {
        _ = try await access.authorize(.admin, context)
        let items = try await editor.store.history(
            code: try params.string("code", maximumLength: CatalogMethods.maximumCodeLength).map { ErrorCode($0) },
            locale: try Self.locale(params, required: false),
            limit: try params.integer("limit", in: 1...CatalogStore.maximumHistoryLimit) ?? 50,
            before: try params.integer("before", in: 1...Int.max)
        )
        return CanonicalJSON.encode(HistoryListing(changes: items))
    }

    @Sendable func addLocale(_ params: RPCParams, _ context: RPCCallContext) async throws -> Data {
        let token = try await access.authorize(.admin, context)
        guard let tag = LanguageTag(rawValue: try params.string("tag", required: true, maximumLength: LanguageTag.maximumLength)!) else {
            throw JSONRPCErrorObject.invalidParams("param 'tag' must be a well-formed BCP 47 language tag", field: "tag")
        }
        let name = try params.string("name", required: true, maximumLength: 100)!
        guard !name.isEmpty, TextRules.problems(in: name, sourceText: nil, declaredParameters: []).isEmpty else {
            throw JSONRPCErrorObject.invalidParams("param 'name' must be a trimmed, non-empty name", field: "name")
        }
        let revision = try await Self.editing { try await editor.addLocale(tag, name: name, author: token?.name) }
        return CanonicalJSON.encode(["revision": revision])
    }

    // MARK: - Helpers

    private static func editing<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as EditError {
            throw JSONRPCErrorObject(error)
        }
    }

    static func textKey(_ params: RPCParams) throws(JSONRPCErrorObject) -> TextKey {
        let code = try params.string("code", required: true, maximumLength: CatalogMethods.maximumCodeLength)!
        let variant = try params.string("variant", maximumLength: 64)
        let fieldName = try params.string("field", required: true, maximumLength: 32)!
        guard let field = TextField(rawValue: fieldName) else {
            throw .invalidParams("param 'field' must be \"message\" or \"remediation\"", field: "field")
        }
        return TextKey(entry: EntryKey(code: ErrorCode(code), variant: variant.map { VariantName($0) }), locale: try locale(params, required: true)!, field: field)
    }

    static func locale(_ params: RPCParams, required: Bool) throws(JSONRPCErrorObject) -> LanguageTag? {
        guard let raw = try params.string("locale", required: required, maximumLength: LanguageTag.maximumLength) else { return nil }
        guard let tag = LanguageTag(rawValue: raw) else {
            throw .invalidParams("param 'locale' must be a well-formed BCP 47 language tag", field: "locale")
        }
        return tag
    }

    static func note(_ params: RPCParams, required: Bool = false) throws(JSONRPCErrorObject) -> String? {
        guard let note = try params.string("note", required: required, maximumLength: maximumNoteLength) else { return nil }
        guard !note.isEmpty, note.count <= maximumNoteLength, !note.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidParams("param 'note' must be 1-\(maximumNoteLength) characters without control characters", field: "note")
        }
        return note
    }
}
