import ErrataCore
import Foundation
package import Hummingbird

/// Answers 405 with `Allow` when the path exists but not with the request's method.
///
/// Hummingbird's router answers 404 for both an unknown path and a known path with another
/// method; HTTP (RFC 9110 §15.5.6) wants 405 and the methods that would work for the latter.
package struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The routes, filled in once the router is complete (middleware must be added before routes).
    package final class RouteTable: Sendable {
        private let templates = Locked<[(segments: [Substring], methods: Set<String>)]>([])

        package init() {}

        /// Records every route of a finished router.
        package func load(from router: Router<Context>) {
            var methodsByPath: [String: Set<String>] = [:]
            for route in router.routes {
                methodsByPath[route.path.description, default: []].insert(route.method.rawValue)
            }
            templates.withLock { templates in
                templates = methodsByPath.map { path, methods in
                    var allowed = methods
                    if methods.contains("GET") { allowed.insert("HEAD") }
                    return (path.split(separator: "/"), allowed)
                }
            }
        }

        /// The methods routed for a concrete path, or `nil` when no route has this path.
        func methods(for path: String) -> Set<String>? {
            let segments = path.split(separator: "/")
            return templates.withLock { templates in
                let matching = templates.filter { template in
                    template.segments.count == segments.count
                        && zip(template.segments, segments).allSatisfy { ($0.hasPrefix("{") && $0.hasSuffix("}")) || $0 == "*" || $0 == $1 }
                }
                return matching.isEmpty ? nil : matching.reduce(into: Set<String>()) { $0.formUnion($1.methods) }
            }
        }
    }

    let table: RouteTable

    package init(table: RouteTable) {
        self.table = table
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let allowed = table.methods(for: request.uri.path), !allowed.contains(request.method.rawValue) else { throw error }
            let list = allowed.sorted().joined(separator: ", ")
            throw Problem(
                status: .methodNotAllowed, kind: "method-not-allowed", title: "Method Not Allowed",
                detail: "\(request.uri.path) answers \(list)", reason: "MethodNotAllowed", headers: [.allow: list]
            )
        }
    }
}
