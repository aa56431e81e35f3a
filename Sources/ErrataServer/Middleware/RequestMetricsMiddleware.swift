package import Hummingbird

/// Records every request in ``ServerMetrics``: a count by route pattern, method and status, a
/// duration by route pattern and method, and the 304 answers.
///
/// Hummingbird's `MetricsMiddleware` is not used: it records through the process-wide swift-metrics
/// bootstrap (so tests would share one registry) under names without `# HELP`.
package struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    package init(metrics: ServerMetrics) {
        self.metrics = metrics
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context: context, status: response.status, since: start)
            return response
        } catch {
            record(request, context: context, status: (error as? any HTTPResponseError)?.status ?? .internalServerError, since: start)
            throw error
        }
    }

    private func record(_ request: Request, context: Context, status: HTTPResponse.Status, since start: ContinuousClock.Instant) {
        metrics.recordRequest(route: context.endpointPath ?? "NotFound", method: request.method, status: status, duration: .now - start)
    }
}
