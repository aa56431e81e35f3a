import ErrataCore
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

    init?(path: String) {
        let pathOnly = path.utf8.firstIndex(of: UInt8(ascii: "?")).map { path[..<$0] } ?? path[...]
        switch pathOnly {
        case "/v1/errors": self = .list
        case "/v1/catalog": self = .catalog
        case "/v1/locales": self = .locales
        default:
            let prefix = "/v1/errors/"
            guard pathOnly.hasPrefix(prefix) else { return nil }
            let code = pathOnly.dropFirst(prefix.count)
            // A leading letter or digit keeps `.` and `..`, which a path resolver would fold, out.
            guard let first = code.utf8.first, first != UInt8(ascii: "."), first != UInt8(ascii: "-"), first != UInt8(ascii: "_"),
                code.utf8.allSatisfy(Self.isPlainCodeByte)
            else { return nil }
            self = .describe(code: code)
        }
    }

    /// The route's pattern, as the router names it in logs and metrics.
    var pattern: String {
        switch self {
        case .list: "/v1/errors"
        case .describe: "/v1/errors/{code}"
        case .catalog: "/v1/catalog"
        case .locales: "/v1/locales"
        }
    }

    /// The read's answer, made as the route's controller makes it.
    func cacheableResponse(_ request: Request, served: ServedCatalog) throws -> CacheableResponse {
        switch self {
        case .list: try served.listResponse(request)
        case .describe(let code): try served.describeResponse(request, code: String(code))
        case .catalog: served.catalogResponse(request)
        case .locales: served.localesResponse()
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
