import ErrataCore
import ErrataWeb
import Hummingbird

/// A route ``EventLoopReads`` answers, recognised from the request's path.
///
/// Only paths the router would route the same way are recognised: exact segments, and a code of
/// letters, digits, `.`, `_` and `-` starting with a letter or digit (no percent-encoding, no
/// trailing slash); anything else is
/// left to the router.
enum EventLoopRoute: Equatable {
    case list
    case describe(code: Substring)
    case catalog
    case locales
    /// An error's page, `/docs/errors/{code}`.
    case errorPage(code: Substring)

    init?(path: String) {
        let pathOnly = path.utf8.firstIndex(of: UInt8(ascii: "?")).map { path[..<$0] } ?? path[...]
        switch pathOnly {
        case "/v1/errors": self = .list
        case "/v1/catalog": self = .catalog
        case "/v1/locales": self = .locales
        default:
            if let code = Self.code(in: pathOnly, after: "/v1/errors/") {
                self = .describe(code: code)
            } else if let code = Self.code(in: pathOnly, after: "/docs/errors/") {
                self = .errorPage(code: code)
            } else {
                return nil
            }
        }
    }

    /// The code that ends `path` after `prefix`, when it is a plain one.
    private static func code(in path: Substring, after prefix: String) -> Substring? {
        guard path.hasPrefix(prefix) else { return nil }
        let code = path.dropFirst(prefix.count)
        // A leading letter or digit keeps `.` and `..`, which a path resolver would fold, out.
        guard let first = code.utf8.first, first != UInt8(ascii: "."), first != UInt8(ascii: "-"), first != UInt8(ascii: "_"),
            code.utf8.allSatisfy(Self.isPlainCodeByte)
        else { return nil }
        return code
    }

    /// The route's pattern, as the router names it in logs and metrics.
    var pattern: String {
        switch self {
        case .list: "/v1/errors"
        case .describe: "/v1/errors/{code}"
        case .catalog: "/v1/catalog"
        case .locales: "/v1/locales"
        case .errorPage: "/docs/errors/{code}"
        }
    }

    /// The read's answer, made as the route's controller makes it; `nil` for a page without `pages`.
    func cacheableResponse(_ request: Request, served: ServedCatalog, pages: DocsPages?) throws -> CacheableResponse? {
        switch self {
        case .list: try served.listResponse(request)
        case .describe(let code): try served.describeResponse(request, code: String(code))
        case .catalog: served.catalogResponse(request)
        case .locales: served.localesResponse()
        case .errorPage(let code): try pages.map { try served.errorPageResponse(request, code: String(code), pages: $0) }
        }
    }

    private static func isPlainCodeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }
}
