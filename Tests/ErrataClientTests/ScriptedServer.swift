import ErrataCore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A stand-in catalog server whose answers a test scripts, on an ephemeral loopback port.
///
/// It produces what a real server answers only in rare states, on demand: 410 for forgotten
/// history, 400 after the server went back, a connection dropped in the middle of a body.
struct ScriptedServer: Sendable {
    /// Answers `GET /v1/catalog/changes`, given `since` and the `If-None-Match` header.
    var changes: @Sendable (_ since: Int, _ ifNoneMatch: String?) async throws -> Response
    /// Answers `GET /v1/catalog/snapshot`.
    var snapshot: @Sendable () async throws -> Response
    /// The requests received, as `path?query`, in order.
    let log = RequestLog()

    /// Runs `body` with the server listening; the server stops when `body` returns.
    func run<Value: Sendable>(_ body: @Sendable (URL) async throws -> Value) async throws -> Value {
        let router = Router()
        router.add(middleware: Recorder(log: log))
        let changes = self.changes
        let snapshot = self.snapshot
        router.get("v1/catalog/changes") { request, _ in
            try await changes(request.uri.queryParameters.get("since", as: Int.self) ?? -1, request.headers[.ifNoneMatch])
        }
        router.get("v1/catalog/snapshot") { _, _ in try await snapshot() }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        return try await app.test(.live) { client in
            try await body(URL(string: "http://127.0.0.1:\(client.port!)")!)
        }
    }

    // MARK: - Answers

    /// A 200 JSON answer.
    static func ok(_ body: Data) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A 304 answer.
    static let notModified = Response(status: .notModified)

    /// An RFC 9457 problem with a `reason`, as the real server answers errors.
    static func problem(_ status: HTTPResponse.Status, reason: String) -> Response {
        let body = Data(#"{"reason":"\#(reason)","status":\#(status.code),"title":"\#(status.reasonPhrase)"}"#.utf8)
        return Response(status: status, headers: [.contentType: "application/problem+json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Announces `body`'s full length, sends its first half, then drops the connection: a server stopping mid-answer.
    static func droppedMidBody(_ body: Data) -> Response {
        let half = body.prefix(body.count / 2)
        return Response(
            status: .ok,
            headers: [.contentType: "application/json"],
            body: ResponseBody(contentLength: body.count) { writer in
                try await writer.write(ByteBuffer(bytes: half))
                throw CancellationError()
            }
        )
    }

    /// The changes feed answer between two revisions, by default of a catalog with the bundled locales.
    static func changes(from: Int, to: Int, _ changes: [TextChange], locales: [LocaleInfo]? = Documents.localizations.locales) throws -> Response {
        ok(try json(CatalogChanges(fromRevision: from, toRevision: to, changes: changes, locales: locales)))
    }
}

/// The requests a ``ScriptedServer`` received.
final class RequestLog: Sendable {
    private let entries = Locked<[String]>([])

    func append(_ entry: String) { entries.withLock { $0.append(entry) } }

    var all: [String] { entries.withLock { $0 } }

    /// How many requests went to a path starting with `prefix`.
    func count(_ prefix: String) -> Int { all.filter { $0.hasPrefix(prefix) }.count }
}

/// Records each request's path and query in a ``RequestLog``.
private struct Recorder<Context: RequestContext>: RouterMiddleware {
    let log: RequestLog

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        log.append(request.uri.description)
        return try await next(request, context)
    }
}
