package import ErrataWeb
import Foundation
package import Hummingbird
import Logging

/// Turns every error a route throws into an RFC 9457 problem response.
///
/// Domain errors become problems through their table (`Problem+Domain.swift`); Hummingbird's own errors (no such route, body too large) keep their status; anything
/// unexpected becomes a 500 whose body says nothing about the cause, which is logged instead.
package struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Makes each problem's `type`, the address of its page.
    let links: DocsLinks

    package init(links: DocsLinks = DocsLinks()) {
        self.links = links
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return problem.response(links: links)
        } catch let error as any DomainError {
            return Problem(error).response(links: links)
        } catch let error as any HTTPResponseError {
            return Self.problem(for: error.status).response(links: links)
        } catch {
            context.logger.error("Request failed", metadata: ["error": "\(error)"])
            return Self.problem(for: .internalServerError).response(links: links)
        }
    }

    private static func problem(for status: HTTPResponse.Status) -> Problem {
        let kind = status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "-")
        let reason = status.reasonPhrase.replacingOccurrences(of: " ", with: "")
        return Problem(status: status, kind: kind, title: status.reasonPhrase, reason: reason)
    }
}
