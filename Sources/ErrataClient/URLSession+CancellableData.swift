package import Foundation
import ErrataCore

#if canImport(FoundationNetworking)
package import FoundationNetworking
#endif

extension URLSession {
    /// The body and response of `request`, as `data(for:)` answers them, with a cancellation that
    /// cannot deadlock.
    ///
    /// FoundationNetworking's `data(for:)` cancels its `URLSessionTask` while holding the Swift task's
    /// status lock, and `cancel()` waits for the session's queue — which may at that moment be
    /// resuming the same Swift task and waiting for that lock (swift-corelibs-foundation#5412, fixed
    /// upstream after this toolchain). A follower stopped then never exits. Here the cancel runs
    /// after the cancelling thread has let go of the lock.
    package func cancellableData(for request: URLRequest) async throws -> (Data, URLResponse) {
        let state = Locked(CancellableTask())
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = dataTask(with: request) { data, response, error in
                    if let data, let response {
                        continuation.resume(returning: (data, response))
                    } else {
                        continuation.resume(throwing: error ?? URLError(.unknown))
                    }
                }
                let cancelled = state.withLock { state in
                    state.task = task
                    return state.isCancelled
                }
                task.resume()
                if cancelled { task.cancel() }
            }
        } onCancel: {
            let task = state.withLock { state in
                state.isCancelled = true
                return state.task
            }
            if let task { cancellations.async { task.cancel() } }
        }
    }
}

/// Where data tasks are cancelled: a serial queue gets a thread of its own when it needs one, where
/// the global concurrent queue, as wide as the machine has cores, may be busy with blocking work.
private let cancellations = DispatchQueue(label: "errata.url-session-cancel")

/// The data task of one request, and whether the Swift task that waits for it was cancelled.
private struct CancellableTask: Sendable {
    var task: URLSessionDataTask?
    var isCancelled = false
}
