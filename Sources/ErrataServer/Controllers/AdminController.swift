import ErrataCore
import ErrataStore
import Foundation
package import Hummingbird
import NIOFoundationCompat

/// The REST routes under `/v1/admin`: REST's adapter over ``EditService``, for web consoles.
///
/// Each route authenticates the caller first, then reads its path, query, `If-Match` and body
/// (strict JSON, as `POST /rpc` reads) into the service's typed inputs; the service's errors
/// become problems through their one table (`Problem+Domain.swift`).
package struct AdminController<Context: RemoteAddressRequestContext>: Sendable {
    let service: EditService
    let maximumBodySize: Int
    let maximumDepth: Int

    init(service: EditService, maximumBodySize: Int, maximumDepth: Int) {
        self.service = service
        self.maximumBodySize = maximumBodySize
        self.maximumDepth = maximumDepth
    }

    package var endpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("session", use: session)
        routes.get("overview", use: overview)
        routes.get("errors/:code/texts/:locale/:field", use: getText)
        routes.put("errors/:code/texts/:locale/:field", use: setText)
        routes.post("errors/:code/texts/:locale/:field/validation", use: validateText)
        routes.put("errors/:code/texts/:locale/:field/review-state", use: setReviewState)
        routes.get("draft", use: draft)
        routes.delete("draft", use: discardDraft)
        routes.post("publish", use: publish)
        routes.post("revert", use: revert)
        routes.post("locales", use: addLocale)
        routes.get("history", use: history)
        return routes
    }

    // MARK: - The session and the overview

    /// `GET /v1/admin/session`: the calling token's name, scope and what the scope allows.
    @Sendable func session(_ request: Request, context: Context) async throws -> Response {
        let editor = try await authenticate(.identify, request, context)
        return Self.response(try service.session(of: editor))
    }

    /// `GET /v1/admin/overview`: every entry with its texts, states and versions in every locale.
    @Sendable func overview(_ request: Request, context: Context) async throws -> Response {
        let editor = try await authenticate(.readOverview, request, context)
        return Self.response(try await service.overview(by: editor))
    }

    // MARK: - Texts

    /// `GET /v1/admin/errors/{code}/texts/{locale}/{field}?variant=`: a text with its version as `ETag`.
    @Sendable func getText(_ request: Request, context: Context) async throws -> Response {
        let editor = try await authenticate(.readText, request, context)
        let answer = try await service.text(try textKey(request, context), by: editor)
        return Self.response(answer, entityTag: answer.entityTag)
    }

    /// `PUT /v1/admin/errors/{code}/texts/{locale}/{field}?variant=` with `If-Match` and `{text, publish?, note?}`.
    ///
    /// `If-Match` is a list compared strongly (RFC 9110 §13.1.1): the edit goes ahead only when it
    /// names the text's current version (or is `*` for a text that exists); otherwise 412 with the current text.
    @Sendable func setText(_ request: Request, context: Context) async throws -> Response {
        let editor = try await authenticate(.editText, request, context)
        let expected = try Self.precondition(request)
        let key = try textKey(request, context)
        let change = try AdminInput.textChange(in: try await body(request, names: ["text", "publish", "note"]))
        let answer = try await service.setText(key, to: change.text, expected: expected, publish: change.publish, note: change.note, by: editor)
        return Self.response(answer, entityTag: answer.entityTag)
    }

    /// `POST /v1/admin/errors/{code}/texts/{locale}/{field}/validation?variant=` with `{text}`:
    /// what the `PUT` would find wrong with the text, saving nothing.
    @Sendable func validateText(_ request: Request, context: Context) async throws -> Response {
        let editor = try await authenticate(.validateText, request, context)
        let key = try textKey(request, context)
        let text = try AdminInput.text(in: try await body(request, names: ["text"]))
        return Self.response(try await service.validate(key, text: text, by: editor))
    }

    /// `PUT /v1/admin/errors/{code}/texts/{locale}/{field}/review-state?variant=` with `If-Match`
    /// (the text's ETag, as for an edit) and `{state}`.
    @Sendable func setReviewState(_ request: Request, context: Context) async throws -> Response {
        let editor = try await authenticate(.reviewText, request, context)
        let expected = try Self.precondition(request)
        let key = try textKey(request, context)
        let state = try AdminInput.reviewState(in: try await body(request, names: ["state"]))
        let answer = try await service.setReviewState(key, to: state, expected: expected, by: editor)
        return Self.response(answer, entityTag: answer.entityTag)
    }

    /// The versions the request's `If-Match` list lets a change replace: those its strong
    /// `"t<version>"` tags name, or any existing version for `*`; the store checks it in the
    /// change's own transaction.
    ///
    /// - Throws: 428 without `If-Match`.
    private static func precondition(_ request: Request) throws(Problem) -> VersionPrecondition {
        guard let header = request.headers[.ifMatch] else {
            throw Problem(
                status: .preconditionRequired, kind: "precondition-required", title: "Precondition Required",
                detail: "send If-Match with the ETag of the text as you last read it", reason: "PreconditionRequired"
            )
        }
        let ifMatch = EntityTagList(header)
        return ifMatch.matchesAny ? .anyExisting : .anyOf(Set(ifMatch.strongTags.compactMap(TextAnswer.version(inEntityTag:))))
    }

    // MARK: - The draft and revisions

    /// `GET /v1/admin/draft`: the pending edits.
    @Sendable func draft(_ request: Request, context: Context) async throws -> Response {
        let editor = try await authenticate(.readDraft, request, context)
        return Self.response(try await service.draft(by: editor))
    }

    /// `DELETE /v1/admin/draft`: drops every pending edit.
    @Sendable func discardDraft(_ request: Request, context: Context) async throws -> Response {
        let editor = try await authenticate(.discardDraft, request, context)
        return Self.response(try await service.discardDraft(by: editor))
    }

    /// `POST /v1/admin/publish` with `{note}`.
    @Sendable func publish(_ request: Request, context: Context) async throws -> Response {
        let editor = try await authenticate(.publish, request, context)
        let note = try AdminInput.note(in: try await body(request, names: ["note"]), required: true)!
        return Self.response(try await service.publish(note: note, by: editor))
    }

    /// `POST /v1/admin/revert` with `{toRevision, note}`.
    @Sendable func revert(_ request: Request, context: Context) async throws -> Response {
        let editor = try await authenticate(.revert, request, context)
        let revert = try AdminInput.revert(in: try await body(request, names: ["toRevision", "note"]))
        return Self.response(try await service.revert(to: revert.target, note: revert.note, by: editor))
    }

    /// `POST /v1/admin/locales` with `{tag, name}`.
    @Sendable func addLocale(_ request: Request, context: Context) async throws -> Response {
        let editor = try await authenticate(.addLocale, request, context)
        let locale = try AdminInput.newLocale(in: try await body(request, names: ["tag", "name"]))
        return Self.response(try await service.addLocale(locale.tag, name: locale.name, by: editor))
    }

    /// `GET /v1/admin/history?code=&locale=&author=&reviewChanges=&limit=&before=`.
    @Sendable func history(_ request: Request, context: Context) async throws -> Response {
        let editor = try await authenticate(.readHistory, request, context)
        let code = request.nonEmptyQueryParameter("code")
        guard (code?.utf8.count ?? 0) <= ErrorCode.maximumLength else {
            throw Problem.badRequest("code is longer than \(ErrorCode.maximumLength) bytes", parameter: "code")
        }
        let author = request.nonEmptyQueryParameter("author")
        guard (author?.count ?? 0) <= AdminInput.maximumTokenNameLength else {
            throw Problem.badRequest("author is longer than \(AdminInput.maximumTokenNameLength) characters", parameter: "author")
        }
        let query = HistoryQuery(
            code: code.map { ErrorCode($0) }, locale: try request.languageTagQueryParameter("locale"), author: author,
            reviewChanges: try request.booleanQueryParameter("reviewChanges") ?? false,
            limit: try request.integerQueryParameter("limit", in: 1...CatalogStore.maximumHistoryLimit) ?? HistoryQuery.defaultLimit,
            before: try request.integerQueryParameter("before", in: 1...Int.max)
        )
        return Self.response(try await service.history(query, by: editor))
    }

    // MARK: - Reading requests

    private func authenticate(_ operation: AdminOperation, _ request: Request, _ context: Context) async throws -> Editor {
        try await service.authenticate(for: operation, headers: request.headers, peer: context.peer, logger: context.logger)
    }

    /// The text the path names. A path segment that cannot name a text (a field other than
    /// `message` and `remediation`, a malformed locale) names no resource: 404, like a text that
    /// does not exist.
    private func textKey(_ request: Request, _ context: Context) throws -> TextKey {
        do {
            return try AdminInput.textKey(
                code: try context.parameters.require("code"), variant: request.nonEmptyQueryParameter("variant"),
                locale: try context.parameters.require("locale"), field: try context.parameters.require("field")
            )
        } catch let invalid as InvalidInput {
            throw Problem(status: .notFound, kind: "unknown-text", title: "No such text", detail: invalid.detail, reason: "UnknownText")
        }
    }

    /// The request body: a JSON object of the members in `names`, parsed as strictly as `POST /rpc` is.
    private func body(_ request: Request, names: [String]) async throws -> InputMembers {
        try await request.jsonMembers(names, maximumBodySize: maximumBodySize, maximumDepth: maximumDepth)
    }

    private static func response(_ answer: some Encodable, entityTag: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        if let entityTag { headers[.eTag] = entityTag }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: CanonicalJSON.encode(answer))))
    }
}
