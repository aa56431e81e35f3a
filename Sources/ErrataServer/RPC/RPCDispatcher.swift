import ErrataCore
import Foundation
import Logging
package import NIOCore

/// Runs JSON-RPC 2.0 bodies against a set of methods, per the specification.
///
/// Calls in a batch run one after another in order; notifications run but get no response;
/// a body whose calls are all notifications gets no body at all.
///
/// For example:
///
/// ```swift
/// let dispatcher = RPCDispatcher(methods: [RPCMethod("ping") { _ in Data("\"pong\"".utf8) }])
/// let body = await dispatcher.respond(to: ByteBuffer(string: #"{"jsonrpc":"2.0","method":"ping","id":1}"#), context: context)
/// // {"jsonrpc":"2.0","result":"pong","id":1}
/// ```
package struct RPCDispatcher: Sendable {
    package let limits: JSONRPCPayload.Limits
    private let methods: [String: MeteredMethod]
    /// Where calls of names the service does not have are counted: one label, so a client cannot grow the metrics without bound.
    private let unknownMethodMeters: ServerMetrics.CallMeters

    /// A method with the meters its calls are recorded in, made once so that a call takes no registry lock.
    ///
    /// A class, so that a call holds one reference to it rather than one to each of its parts.
    private final class MeteredMethod: Sendable {
        let method: RPCMethod
        let meters: ServerMetrics.CallMeters

        init(method: RPCMethod, meters: ServerMetrics.CallMeters) {
            self.method = method
            self.meters = meters
        }
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

    /// What ``respondImmediately(to:context:)`` made of a body.
    package enum ImmediateAnswer {
        /// The body's answer, or `nil` when nothing is to be answered (only notifications).
        case answered(ByteBuffer?)
        /// A call in the body needs a method that suspends: nothing was run.
        case needsSuspending(JSONRPCPayload)
    }

    /// Answers a body.
    ///
    /// - Returns: The response body, or `nil` when nothing is to be answered (only notifications).
    package func respond(to body: ByteBuffer, context: RPCCallContext) async -> ByteBuffer? {
        switch respondImmediately(to: body, context: context) {
        case .answered(let answer):
            return answer
        case .needsSuspending(let payload):
            var responses: [JSONRPCResponse] = []
            for call in payload.calls {
                if let response = await run(call, context: context) { responses.append(response) }
            }
            return Self.body(responses, answering: payload)
        }
    }

    /// Answers a body without suspending when every call in it allows: calls of immediate methods
    /// (``RPCMethod/init(_:parameters:immediate:)``), calls of unknown methods, invalid calls, and a
    /// body that is not valid JSON-RPC at all.
    ///
    /// ``respond(to:context:)`` answers such bodies through here too, so the event loop and the
    /// router send the same answer, and count the same calls.
    package func respondImmediately(to body: ByteBuffer, context: RPCCallContext) -> ImmediateAnswer {
        let payload: JSONRPCPayload
        switch JSONRPCPayload.decode(body, limits: limits) {
        case .failure(let error):
            return .answered(JSONRPCResponse.body([JSONRPCResponse(id: .null, outcome: .error(error))], asBatch: false))
        case .success(let decoded):
            payload = decoded
        }
        let calls = payload.calls
        // Each call's method is looked up once, and the clock read once per call: a call's end is the next one's start.
        var immediate: [ImmediateHandler?] = []
        immediate.reserveCapacity(calls.count)
        for call in calls {
            guard case .success(let request) = call, let metered = methods[request.method] else {
                immediate.append(nil)
                continue
            }
            guard case .immediate(let handler) = metered.method.body else { return .needsSuspending(payload) }
            immediate.append(ImmediateHandler(handler: handler, metered: metered))
        }
        var responses: [JSONRPCResponse] = []
        responses.reserveCapacity(calls.count)
        var start = ContinuousClock.now
        for (call, handler) in zip(calls, immediate) {
            let (response, end) = runImmediately(call, handler: handler, context: context, start: start)
            if let response { responses.append(response) }
            start = end
        }
        return .answered(Self.body(responses, answering: payload))
    }

    // MARK: - Calls

    /// A call's immediate handler, found once per call.
    private struct ImmediateHandler {
        let handler: RPCMethod.ImmediateHandler
        let metered: MeteredMethod
    }

    private func run(_ call: Result<JSONRPCRequest, JSONRPCInvalidCall>, context: RPCCallContext) async -> JSONRPCResponse? {
        guard case .success(let request) = call, let metered = methods[request.method] else {
            return runImmediately(call, handler: nil, context: context, start: .now).0
        }
        let handler: RPCMethod.Handler
        switch metered.method.body {
        case .immediate(let immediate):
            return runImmediately(call, handler: ImmediateHandler(handler: immediate, metered: metered), context: context, start: .now).0
        case .suspending(let suspending):
            handler = suspending
        }
        let start = ContinuousClock.now
        let outcome: JSONRPCResponse.Outcome
        do {
            outcome = .result(try await handler(RPCCall(params: request.params, parameterNames: metered.method.parameterNames, context: context)))
        } catch {
            outcome = Self.outcome(failure: error, method: request.method, logger: context.logger)
        }
        metered.meters.record(.now - start)
        return request.id.map { JSONRPCResponse(id: $0, outcome: outcome) }
    }

    /// Runs an invalid call, a call of an unknown method (`handler` `nil`) or one of an immediate method;
    /// ``run(_:context:)`` runs the others.
    ///
    /// - Returns: The response (`nil` for a notification), and when the call ended.
    private func runImmediately(
        _ call: Result<JSONRPCRequest, JSONRPCInvalidCall>, handler: ImmediateHandler?, context: RPCCallContext,
        start: ContinuousClock.Instant
    ) -> (JSONRPCResponse?, ContinuousClock.Instant) {
        let request: JSONRPCRequest
        switch call {
        case .failure(let invalid):
            return (JSONRPCResponse(id: invalid.id, outcome: .error(invalid.error)), start)
        case .success(let valid):
            request = valid
        }
        let outcome: JSONRPCResponse.Outcome
        let meters: ServerMetrics.CallMeters
        if let handler {
            do {
                outcome = .result(try handler.handler(RPCCall(params: request.params, parameterNames: handler.metered.method.parameterNames, context: context)))
            } catch {
                outcome = Self.outcome(failure: error, method: request.method, logger: context.logger)
            }
            meters = handler.metered.meters
        } else {
            outcome = .error(.methodNotFound(String(request.method.prefix(128))))
            meters = unknownMethodMeters
        }
        let end = ContinuousClock.now
        meters.record(end - start)
        return (request.id.map { JSONRPCResponse(id: $0, outcome: outcome) }, end)
    }

    /// The answer to a handler that threw: its domain or JSON-RPC error, or `-32603` (logged) for anything else.
    private static func outcome(failure error: any Error, method: String, logger: Logger) -> JSONRPCResponse.Outcome {
        switch error {
        case let error as any DomainError:
            return .error(JSONRPCErrorObject(error))
        case let error as JSONRPCErrorObject:
            return .error(error)
        default:
            logger.error("JSON-RPC method failed", metadata: ["method": "\(method)", "error": "\(error)"])
            return .error(.internalError)
        }
    }

    /// The body answering `payload` with `responses`: `nil` when there are none (only notifications).
    private static func body(_ responses: [JSONRPCResponse], answering payload: JSONRPCPayload) -> ByteBuffer? {
        guard !responses.isEmpty else { return nil }
        let isBatch = if case .batch = payload { true } else { false }
        return JSONRPCResponse.body(responses, asBatch: isBatch)
    }
}
