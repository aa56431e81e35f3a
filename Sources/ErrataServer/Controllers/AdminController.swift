import ErrataCore
import ErrataStore
import Foundation
public import Hummingbird
import NIOFoundationCompat

/// REST equivalents of the `admin.*` JSON-RPC methods, for web consoles.
///
/// Each route turns its path, query, body and `If-Match` into the params of the matching
/// ``AdminMethods`` handler, so validation, authorization and editing follow one code path;
/// JSON-RPC errors come back as problem responses (422 for invalid input, 412 for a conflict).
public struct AdminController<Context: RemoteAddressRequestContext>: Sendable {
    let methods: [String: RPCMethod]
    let maximumBodySize: Int

    init(methods: AdminMethods, maximumBodySize: Int) {
        self.methods = Dictionary(uniqueKeysWithValues: methods.methods.map { ($0.name, $0) })
        self.maximumBodySize = maximumBodySize
    }

    public var endpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("errors/:code/texts/:locale/:field", use: getText)
        routes.put("errors/:code/texts/:locale/:field", use: setText)
        routes.get("draft") { request, context in try await self.call("admin.draft", [:], request, context) }
        routes.delete("draft") { request, context in try await self.call("admin.discardDraft", [:], request, context) }
        routes.post("publish") { request, context in try await self.call("admin.publish", try await self.body(request, context), request, context) }
        routes.post("revert") { request, context in try await self.call("admin.revert", try await self.body(request, context), request, context) }
        routes.post("locales") { request, context in try await self.call("admin.addLocale", try await self.body(request, context), request, context) }
        routes.get("history") { request, context in
            var params: [String: JSONValue] = [:]
            for name in ["code", "locale"] { params[name] = request.nonEmptyQueryParameter(name).map { .string($0) } }
            for name in ["limit", "before"] {
                guard let text = request.nonEmptyQueryParameter(name) else { continue }
                guard let value = Int64(text) else { throw Problem.badRequest("\(name) must be an integer", parameter: name) }
                params[name] = .integer(value)
            }
            return try await self.call("admin.history", params, request, context)
        }
        return routes
    }

    /// `GET /v1/admin/errors/{code}/texts/{locale}/{field}?variant=`: a text with its revision as `ETag`.
    @Sendable func getText(_ request: Request, context: Context) async throws -> Response {
        let body = try await result(of: "admin.getText", try textParams(request, context), request, context, pathNamesText: true)
        let version = try JSONDecoder().decode(TextVersion.self, from: body)
        return Self.response(body, entityTag: "\"t\(version.revision)\"")
    }

    /// `PUT /v1/admin/errors/{code}/texts/{locale}/{field}?variant=` with `If-Match` and `{text, publish?, note?}`.
    @Sendable func setText(_ request: Request, context: Context) async throws -> Response {
        guard let ifMatch = request.headers[.ifMatch] else {
            throw Problem(
                status: .preconditionRequired, kind: "precondition-required", title: "Precondition Required",
                detail: "send If-Match with the ETag of the text as you last read it", reason: "PreconditionRequired"
            )
        }
        // An If-Match that names no text revision (a weak or foreign tag) can never match: 412 with the current text.
        let expected = ifMatch.hasPrefix("\"t") && ifMatch.hasSuffix("\"") ? Int64(ifMatch.dropFirst(2).dropLast()) ?? .max : .max
        let body = try await body(request, context)
        if let unknown = body.keys.sorted().first(where: { !["text", "publish", "note"].contains($0) }) {
            throw Problem(JSONRPCErrorObject.invalidParams("unknown body member '\(unknown)'; the body takes text, publish and note", field: unknown), invalidParamsStatus: .unprocessableContent)
        }
        var params = try textParams(request, context).merging(body) { path, _ in path }
        params["expectedRevision"] = .integer(expected)
        let answer = try await result(of: "admin.setText", params, request, context, pathNamesText: true)
        let outcome = try JSONDecoder().decode(SetTextResult.self, from: answer)
        return Self.response(answer, entityTag: "\"t\(outcome.draftRevision)\"")
    }

    // MARK: - Adapting REST to the methods

    private func textParams(_ request: Request, _ context: Context) throws -> [String: JSONValue] {
        var params: [String: JSONValue] = [
            "code": .string(try context.parameters.require("code")),
            "locale": .string(try context.parameters.require("locale")),
            "field": .string(try context.parameters.require("field")),
        ]
        params["variant"] = request.nonEmptyQueryParameter("variant").map { .string($0) }
        return params
    }

    /// The request body as a JSON object.
    private func body(_ request: Request, _ context: Context) async throws -> [String: JSONValue] {
        var request = request
        let buffer = try await request.collectBody(upTo: maximumBodySize)
        guard buffer.readableBytes > 0 else { return [:] }
        guard RPCController<Context>.isJSON(request.headers[.contentType]) else {
            throw Problem(status: .unsupportedMediaType, kind: "unsupported-media-type", title: "Unsupported Media Type", detail: "send a JSON body with Content-Type: application/json", reason: "UnsupportedMediaType")
        }
        guard case .object(let object) = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer)) else {
            throw Problem.badRequest("the body must be a JSON object")
        }
        return object
    }

    private func call(_ method: String, _ params: [String: JSONValue], _ request: Request, _ context: Context) async throws -> Response {
        Self.response(try await result(of: method, params, request, context))
    }

    /// Runs an admin method with the method's own params rules (so unknown members are refused);
    /// its JSON-RPC errors become problems: 422 for invalid params, but 404 when `pathNamesText`
    /// and the path (or `?variant=`) names a text that does not exist.
    private func result(
        of name: String, _ params: [String: JSONValue], _ request: Request, _ context: Context, pathNamesText: Bool = false
    ) async throws -> Data {
        let method = methods[name]!  // every name used here is one of AdminMethods.methods
        let callContext = RPCCallContext(headers: request.headers, peer: context.peer, logger: context.logger)
        do {
            return try await method.handler(try RPCParams(.object(params), names: method.parameterNames), callContext)
        } catch let error as JSONRPCErrorObject {
            if pathNamesText, error.code == -32602, case .object(let data) = error.data,
                case .string(let field) = data["field"], ["code", "variant", "locale", "field"].contains(field)
            {
                var problem = Problem(error)
                problem.status = .notFound
                problem.type = "urn:errata:problem:unknown-text"
                problem.title = "No such text"
                problem.reason = "UnknownText"
                throw problem
            }
            throw Problem(error, invalidParamsStatus: .unprocessableContent)
        }
    }

    private static func response(_ body: Data, entityTag: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        if let entityTag { headers[.eTag] = entityTag }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: body)))
    }
}
