import Foundation
package import Hummingbird
import Logging

/// Turns every error a route throws into an RFC 9457 problem response.
///
/// Domain errors become problems through their table (`Problem+Domain.swift`); Hummingbird's own errors (no such route, body too large) keep their status; anything
/// unexpected becomes a 500 whose body says nothing about the cause, which is logged instead.
package struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    package init() {}

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return try problem.response(from: request, context: context)
        } catch let error as any DomainError {
            return try Problem(error).response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            return try Self.problem(for: error.status).response(from: request, context: context)
        } catch {
            context.logger.error("Request failed", metadata: ["error": "\(error)"])
            return try Self.problem(for: .internalServerError).response(from: request, context: context)
        }
    }

    private static func problem(for status: HTTPResponse.Status) -> Problem {
        let kind = status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "-")
        let reason = status.reasonPhrase.replacingOccurrences(of: " ", with: "")
        return Problem(status: status, kind: kind, title: status.reasonPhrase, reason: reason)
    }
}
