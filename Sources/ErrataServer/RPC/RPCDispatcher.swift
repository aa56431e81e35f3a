import ErrataCore
package import Foundation
import Logging

/// Runs JSON-RPC 2.0 bodies against a set of methods, per the specification.
///
/// Calls in a batch run one after another in order; notifications run but get no response;
/// a body whose calls are all notifications gets no body at all.
///
/// For example:
///
/// ```swift
/// let dispatcher = RPCDispatcher(methods: [RPCMethod("ping") { _ in Data("\"pong\"".utf8) }])
/// let body = await dispatcher.respond(to: Data(#"{"jsonrpc":"2.0","method":"ping","id":1}"#.utf8), context: context)
/// // {"jsonrpc":"2.0","result":"pong","id":1}
/// ```
package struct RPCDispatcher: Sendable {
    package let limits: JSONRPCPayload.Limits
    private let methods: [String: MeteredMethod]
    /// Where calls of names the service does not have are counted: one label, so a client cannot grow the metrics without bound.
    private let unknownMethodMeters: ServerMetrics.CallMeters

    /// A method with the meters its calls are recorded in, made once so that a call takes no registry lock.
    private struct MeteredMethod: Sendable {
        let method: RPCMethod
        let meters: ServerMetrics.CallMeters
    }

    /// - Parameters:
    ///   - methods: The methods to answer; their names are unique.
    ///   - limits: The largest batch and the deepest nesting accepted.
    ///   - metrics: Where each call is counted and timed under its method.
    /// - Precondition: Method names are unique.
    package init(methods: [RPCMethod], limits: JSONRPCPayload.Limits = .init(), metrics: ServerMetrics = ServerMetrics()) {
        self.methods = Dictionary(uniqueKeysWithValues: methods.map { ($0.name, MeteredMethod(method: $0, meters: metrics.callMeters(method: $0.name))) })
        self.unknownMethodMeters = metrics.callMeters(method: ServerMetrics.unknownRPCMethod)
        self.limits = limits
    }

    /// The registered method names, sorted.
    package var methodNames: [String] { methods.keys.sorted() }

    /// Answers a body.
    ///
    /// - Returns: The response body, or `nil` when nothing is to be answered (only notifications).
    package func respond(to body: Data, context: RPCCallContext) async -> Data? {
        switch JSONRPCPayload.decode(body, limits: limits) {
        case .failure(let error):
            return JSONRPCResponse.body([JSONRPCResponse(id: .null, outcome: .error(error))], asBatch: false)
        case .success(.single(let call)):
            guard let response = await run(call, context: context) else { return nil }
            return JSONRPCResponse.body([response], asBatch: false)
        case .success(.batch(let calls)):
            var responses: [JSONRPCResponse] = []
            for call in calls {
                if let response = await run(call, context: context) { responses.append(response) }
            }
            return responses.isEmpty ? nil : JSONRPCResponse.body(responses, asBatch: true)
        }
    }

    private func run(_ call: Result<JSONRPCRequest, JSONRPCInvalidCall>, context: RPCCallContext) async -> JSONRPCResponse? {
        let request: JSONRPCRequest
        switch call {
        case .failure(let invalid):
            return JSONRPCResponse(id: invalid.id, outcome: .error(invalid.error))
        case .success(let valid):
            request = valid
        }
        let start = ContinuousClock.now
        let metered = methods[request.method]
        defer { (metered?.meters ?? unknownMethodMeters).record(.now - start) }
        let outcome: JSONRPCResponse.Outcome
        if let method = metered?.method {
            do {
                outcome = .result(try await method.handler(RPCCall(params: request.params, parameterNames: method.parameterNames, context: context)))
            } catch let error as any DomainError {
                outcome = .error(JSONRPCErrorObject(error))
            } catch let error as JSONRPCErrorObject {
                outcome = .error(error)
            } catch {
                context.logger.error("JSON-RPC method failed", metadata: ["method": "\(request.method)", "error": "\(error)"])
                outcome = .error(.internalError)
            }
        } else {
            outcome = .error(.methodNotFound(String(request.method.prefix(128))))
        }
        guard let id = request.id else { return nil }
        return JSONRPCResponse(id: id, outcome: outcome)
    }
}
