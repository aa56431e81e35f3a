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
    let methods: AdminMethods
    let maximumBodySize: Int

    init(methods: AdminMethods, maximumBodySize: Int) {
        self.methods = methods
        self.maximumBodySize = maximumBodySize
    }

    public var endpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("errors/:code/texts/:locale/:field", use: getText)
        routes.put("errors/:code/texts/:locale/:field", use: setText)
        routes.get("draft") { request, context in try await self.call(methods.draft, [:], request, context) }
        routes.delete("draft") { request, context in try await self.call(methods.discardDraft, [:], request, context) }
        routes.post("publish") { request, context in try await self.call(methods.publish, try await self.body(request, context), request, context) }
        routes.post("revert") { request, context in try await self.call(methods.revert, try await self.body(request, context), request, context) }
        routes.post("locales") { request, context in try await self.call(methods.addLocale, try await self.body(request, context), request, context) }
        routes.get("history") { request, context in
            var params: [String: JSONValue] = [:]
            for name in ["code", "locale"] { params[name] = request.nonEmptyQueryParameter(name).map { .string($0) } }
            for name in ["limit", "before"] {
                guard let text = request.nonEmptyQueryParameter(name) else { continue }
                guard let value = Int64(text) else { throw Problem.badRequest("\(name) must be an integer", parameter: name) }
                params[name] = .integer(value)
            }
            return try await self.call(methods.history, params, request, context)
        }
        return routes
    }

    /// `GET /v1/admin/errors/{code}/texts/{locale}/{field}?variant=`: a text with its revision as `ETag`.
    @Sendable func getText(_ request: Request, context: Context) async throws -> Response {
        let body = try await result(of: methods.getText, try textParams(request, context), request, context)
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
        var params = try textParams(request, context).merging(try await body(request, context)) { path, _ in path }
        params["expectedRevision"] = .integer(expected)
        let body = try await result(of: methods.setText, params, request, context)
        let outcome = try JSONDecoder().decode(SetTextResult.self, from: body)
        return Self.response(body, entityTag: "\"t\(outcome.draftRevision)\"")
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

    private func call(_ handler: RPCMethod.Handler, _ params: [String: JSONValue], _ request: Request, _ context: Context) async throws -> Response {
        Self.response(try await result(of: handler, params, request, context))
    }

    /// Runs a method handler; its JSON-RPC errors become problems (422 for invalid params).
    private func result(of handler: RPCMethod.Handler, _ params: [String: JSONValue], _ request: Request, _ context: Context) async throws -> Data {
        let callContext = RPCCallContext(headers: request.headers, peer: context.peer, logger: context.logger)
        do {
            return try await handler(try RPCParams(.object(params), names: Array(params.keys)), callContext)
        } catch let error as JSONRPCErrorObject {
            throw Problem(error, invalidParamsStatus: .unprocessableContent)
        }
    }

    private static func response(_ body: Data, entityTag: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        if let entityTag { headers[.eTag] = entityTag }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: body)))
    }
}
