import ErrataCore
import ErrataStore
import Foundation

/// The admin methods (`admin.*`, and `session.whoami`): JSON-RPC's adapter over ``EditService``.
///
/// Each method authenticates the caller first, then reads its params into the service's typed
/// inputs, calls the service and encodes its answer; the service's errors become JSON-RPC errors
/// through their one table (`JSONRPCErrorObject+Domain.swift`).
struct AdminMethods: Sendable {
    let service: EditService

    var methods: [RPCMethod] {
        [
            RPCMethod("session.whoami", handler: whoami),
            RPCMethod("admin.overview", handler: overview),
            RPCMethod("admin.getText", parameters: ["code", "variant", "locale", "field"], handler: getText),
            RPCMethod("admin.validateText", parameters: ["code", "variant", "locale", "field", "text"], handler: validateText),
            RPCMethod("admin.setText", parameters: ["code", "variant", "locale", "field", "text", "expectedVersion", "publish", "note"], handler: setText),
            RPCMethod(
                "admin.setReviewState", parameters: ["code", "variant", "locale", "field", "state", "expectedVersion"], handler: setReviewState
            ),
            RPCMethod("admin.draft", handler: draft),
            RPCMethod("admin.discardDraft", parameters: ["code", "variant", "locale", "field"], handler: discardDraft),
            RPCMethod("admin.publish", parameters: ["note"], handler: publish),
            RPCMethod("admin.revert", parameters: ["toRevision", "note"], handler: revert),
            RPCMethod("admin.history", parameters: ["code", "locale", "limit", "before", "author", "reviewChanges"], handler: history),
            RPCMethod("admin.addLocale", parameters: ["tag", "name"], handler: addLocale),
        ]
    }

    // MARK: - Methods

    @Sendable func whoami(_ call: RPCCall) async throws -> Data {
        let editor = try await authenticate(.identify, call)
        _ = try call.input()
        return CanonicalJSON.encode(try service.session(of: editor))
    }

    @Sendable func overview(_ call: RPCCall) async throws -> Data {
        let editor = try await authenticate(.readOverview, call)
        _ = try call.input()
        return CanonicalJSON.encode(try await service.overview(by: editor))
    }

    @Sendable func getText(_ call: RPCCall) async throws -> Data {
        let editor = try await authenticate(.readText, call)
        let input = try call.input()
        return CanonicalJSON.encode(try await service.text(try Self.textKey(input), by: editor))
    }

    @Sendable func validateText(_ call: RPCCall) async throws -> Data {
        let editor = try await authenticate(.validateText, call)
        let input = try call.input()
        return CanonicalJSON.encode(try await service.validate(try Self.textKey(input), text: try AdminInput.text(in: input), by: editor))
    }

    @Sendable func setText(_ call: RPCCall) async throws -> Data {
        let editor = try await authenticate(.editText, call)
        let input = try call.input()
        let key = try Self.textKey(input)
        let change = try AdminInput.textChange(in: input)
        let expected = try Self.expectedVersion(input)
        let answer = try await service.setText(key, to: change.text, expected: .version(expected), publish: change.publish, note: change.note, by: editor)
        return CanonicalJSON.encode(answer)
    }

    @Sendable func setReviewState(_ call: RPCCall) async throws -> Data {
        let editor = try await authenticate(.reviewText, call)
        let input = try call.input()
        let key = try Self.textKey(input)
        let state = try AdminInput.reviewState(in: input)
        let expected = try Self.expectedVersion(input)
        return CanonicalJSON.encode(try await service.setReviewState(key, to: state, expected: .version(expected), by: editor))
    }

    @Sendable func draft(_ call: RPCCall) async throws -> Data {
        let editor = try await authenticate(.readDraft, call)
        _ = try call.input()
        return CanonicalJSON.encode(try await service.draft(by: editor))
    }

    @Sendable func discardDraft(_ call: RPCCall) async throws -> Data {
        let editor = try await authenticate(.discardDraft, call)
        let input = try call.input()
        // No params: the whole draft; a text's code, locale and field (and variant): its edit only.
        let text = input.isEmpty ? nil : try Self.textKey(input)
        return CanonicalJSON.encode(try await service.discardDraft(of: text, by: editor))
    }

    @Sendable func publish(_ call: RPCCall) async throws -> Data {
        let editor = try await authenticate(.publish, call)
        let note = try AdminInput.note(in: try call.input(), required: true)!
        return CanonicalJSON.encode(try await service.publish(note: note, by: editor))
    }

    @Sendable func revert(_ call: RPCCall) async throws -> Data {
        let editor = try await authenticate(.revert, call)
        let revert = try AdminInput.revert(in: try call.input())
        return CanonicalJSON.encode(try await service.revert(to: revert.target, note: revert.note, by: editor))
    }

    @Sendable func history(_ call: RPCCall) async throws -> Data {
        let editor = try await authenticate(.readHistory, call)
        let input = try call.input()
        let query = HistoryQuery(
            code: try input.string("code", maximumLength: ErrorCode.maximumLength).flatMap { $0.isEmpty ? nil : ErrorCode($0) },
            locale: try input.string("locale", maximumLength: LanguageTag.maximumLength).map { (raw) throws(InvalidInput) in
                try AdminInput.languageTag(raw, field: "locale")
            },
            author: try input.string("author", maximumLength: AdminInput.maximumTokenNameLength).flatMap { $0.isEmpty ? nil : $0 },
            reviewChanges: try input.bool("reviewChanges") ?? false,
            limit: try input.integer("limit", in: 1...CatalogStore.maximumHistoryLimit) ?? HistoryQuery.defaultLimit,
            before: try input.integer("before", in: 1...Int.max)
        )
        return CanonicalJSON.encode(try await service.history(query, by: editor))
    }

    @Sendable func addLocale(_ call: RPCCall) async throws -> Data {
        let editor = try await authenticate(.addLocale, call)
        let locale = try AdminInput.newLocale(in: try call.input())
        return CanonicalJSON.encode(try await service.addLocale(locale.tag, name: locale.name, by: editor))
    }

    // MARK: - Params

    private func authenticate(_ operation: AdminOperation, _ call: RPCCall) async throws -> Editor {
        try await service.authenticate(for: operation, headers: call.context.headers, peer: call.context.peer, logger: call.context.logger)
    }

    private static func expectedVersion(_ input: InputMembers) throws(InvalidInput) -> Int {
        try input.integer("expectedVersion", required: true, in: 0...Int.max)!
    }

    private static func textKey(_ input: InputMembers) throws(InvalidInput) -> TextKey {
        try AdminInput.textKey(
            code: try input.string("code", required: true, maximumLength: ErrorCode.maximumLength)!,
            variant: try input.string("variant", maximumLength: VariantName.maximumLength),
            locale: try input.string("locale", required: true, maximumLength: LanguageTag.maximumLength)!,
            field: try input.string("field", required: true, maximumLength: 32)!
        )
    }
}
