import ErrataCore
public import Foundation

/// Why ``ErrataClient/sync()`` failed; the catalog in use and the cache are then unchanged.
public enum SyncError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// No server URL is configured.
    case noServer
    /// The server could not be reached, or the connection broke before the answer was complete.
    case unreachable(URL, reason: String)
    /// The server answered with a status the client does not expect here.
    case unexpectedStatus(URL, status: Int)
    /// The answer's body is not what the endpoint documents.
    case malformedResponse(URL, reason: String)
    /// The server sent a catalog document of a format version this build cannot read.
    case unsupportedFormat(URL, formatVersion: Int)
    /// The new catalog could not be written to the cache.
    case cacheUnwritable(path: String, reason: String)

    /// One line saying what failed and where, such as `cannot reach http://…: Connection refused`.
    public var description: String {
        switch self {
        case .noServer:
            "no Errata server is configured"
        case .unreachable(let url, let reason):
            "cannot reach \(url.absoluteString): \(reason)"
        case .unexpectedStatus(let url, let status) where status == 401 || status == 403:
            "\(url.absoluteString) answered HTTP \(status): the server wants a valid read token"
        case .unexpectedStatus(let url, let status):
            "\(url.absoluteString) answered HTTP \(status)"
        case .malformedResponse(let url, let reason):
            "\(url.absoluteString) sent an invalid answer: \(reason)"
        case .unsupportedFormat(let url, let formatVersion):
            "\(url.absoluteString) sent catalog format version \(formatVersion); this build reads version \(CatalogDocument.currentFormatVersion)"
        case .cacheUnwritable(let path, let reason):
            "cannot write the catalog cache \(path): \(reason)"
        }
    }

    /// The same one-line text as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }
}
