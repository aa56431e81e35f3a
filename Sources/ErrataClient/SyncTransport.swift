package import ErrataCore
package import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The HTTP side of a sync: the delta feed and the full snapshot of one server, over `URLSession`.
///
/// A follower (`errata-server serve --follow`) syncs its database from the primary through it too.
package struct SyncTransport: Sendable {
    /// What the delta feed answered.
    package enum FeedAnswer: Sendable {
        /// 304: nothing changed since the revision asked about.
        case notModified
        /// 200: the texts changed since the revision asked about.
        case changes(CatalogChanges)
        /// Only a full fetch can help: history before `since` is gone (410 `ResyncRequired`), `since` is
        /// ahead of the server because it went back (400 `InvalidParameter`), or the server has no feed (404).
        case fullFetchRequired
    }

    package let serverURL: URL
    private let accessToken: String?
    private let session: URLSession

    /// A transport to `serverURL`, authenticating with `accessToken` if given, whose requests each give up after `timeout` seconds.
    package init(serverURL: URL, accessToken: String?, timeout: TimeInterval) {
        self.serverURL = serverURL
        self.accessToken = accessToken
        let configuration = URLSessionConfiguration.ephemeral
        // Entity tags are handled here; a URL cache could answer a conditional request with a stale 200.
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        self.session = URLSession(configuration: configuration)
    }

    /// Lets in-flight requests finish, then releases the session.
    package func invalidate() {
        session.finishTasksAndInvalidate()
    }

    /// Asks the delta feed for the changes published after `revision`.
    ///
    /// - Parameters:
    ///   - revision: The revision the client holds; sent as `since` and in `If-None-Match`.
    ///   - wait: Seconds the server may hold the request until something newer is published (`wait`);
    ///     give the transport a longer timeout.
    /// - Throws: ``SyncError`` when the server cannot be reached or answers something unexpected.
    package func changes(since revision: Int, waitingAtMost wait: Int = 0) async throws(SyncError) -> FeedAnswer {
        var components = URLComponents(url: endpoint("v1/catalog/changes"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "since", value: String(revision))]
        if wait > 0 { components?.queryItems?.append(URLQueryItem(name: "wait", value: String(wait))) }
        guard let url = components?.url else { throw .malformedResponse(serverURL, reason: "not a usable base URL") }
        var conditional = request(url)
        conditional.setValue(CatalogChanges.entityTag(toRevision: revision, since: revision, locale: nil), forHTTPHeaderField: "If-None-Match")
        let (data, status) = try await send(conditional)
        switch status {
        case 200: return .changes(try Self.decode(CatalogChanges.self, from: data, url: url))
        case 304: return .notModified
        case 404, 410: return .fullFetchRequired
        case 400 where Self.problemReason(in: data) == "InvalidParameter": return .fullFetchRequired
        default: throw .unexpectedStatus(url, status: status)
        }
    }

    /// Downloads the whole catalog in every locale.
    ///
    /// - Throws: ``SyncError``, including ``SyncError/unsupportedFormat(_:formatVersion:)`` for a document
    ///   of another format version.
    package func snapshot() async throws(SyncError) -> CatalogDocument {
        let url = endpoint("v1/catalog/snapshot")
        let (data, status) = try await send(request(url))
        guard status == 200 else { throw .unexpectedStatus(url, status: status) }
        // Checked before decoding the rest: another version need not decode at all.
        if let version = try? JSONDecoder().decode(FormatProbe.self, from: data).formatVersion,
            version != CatalogDocument.currentFormatVersion
        {
            throw .unsupportedFormat(url, formatVersion: version)
        }
        return try Self.decode(CatalogDocument.self, from: data, url: url)
    }

    // MARK: - HTTP

    private func endpoint(_ path: String) -> URL {
        serverURL.appendingPathComponent(path)
    }

    private func request(_ url: URL) -> URLRequest {
        var request = URLRequest(url: url)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        // Never in the query string: the server refuses tokens there, as URLs end up in logs.
        if let accessToken { request.setValue("Bearer \(accessToken)", forHTTPHeaderField: "Authorization") }
        return request
    }

    private func send(_ request: URLRequest) async throws(SyncError) -> (Data, status: Int) {
        let url = request.url ?? serverURL
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.cancellableData(for: request)
        } catch {
            // A refused connection, a timeout, or a connection closed before the body was complete.
            throw .unreachable(url, reason: oneLineReason(error))
        }
        guard let http = response as? HTTPURLResponse else {
            throw .malformedResponse(url, reason: "not an HTTP response")
        }
        return (data, http.statusCode)
    }

    private static func decode<T: Decodable>(_ type: T.Type, from data: Data, url: URL) throws(SyncError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw .malformedResponse(url, reason: oneLineReason(error))
        }
    }

    /// The `reason` member of an RFC 9457 problem body, if it is one.
    private static func problemReason(in data: Data) -> String? {
        try? JSONDecoder().decode(ProblemReason.self, from: data).reason
    }

    private struct FormatProbe: Decodable {
        var formatVersion: Int
    }

    private struct ProblemReason: Decodable {
        var reason: String?
    }
}
