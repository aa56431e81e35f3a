package import ErrataCore
package import Foundation
package import HTTPTypes
package import Logging

/// What a JSON-RPC method sees of the HTTP request that carried it.
///
/// A class: every call of a batch holds the one context, so handing it to a call is one retain, not one per field.
package final class RPCCallContext: Sendable {
    /// The HTTP request's header fields (for `Authorization`).
    package let headers: HTTPFields
    /// The request's `Accept-Language`, found once for every call of a batch.
    package let acceptLanguage: String?
    /// The caller's address, for throttling failed authentications.
    package let peer: String
    package let logger: Logger
    /// The catalog every read of the request answers from.
    package let catalog = RequestCatalog()

    package init(headers: HTTPFields, peer: String, logger: Logger) {
        self.headers = headers
        self.acceptLanguage = headers[.acceptLanguage]
        self.peer = peer
        self.logger = logger
    }
}

/// One call as its method's handler sees it: its params, unread, and the request that carried it.
///
/// Params are read by ``input()`` when the handler is ready for them, so that a method needing a
/// token authenticates the caller before it says anything about the params.
package struct RPCCall: Sendable {
    package var params: JSONValue?
    package var parameterNames: [String]
    package var context: RPCCallContext

    /// The params by name.
    ///
    /// - Throws: ``InvalidInput`` for params the method does not declare.
    package func input() throws(InvalidInput) -> InputMembers {
        try InputMembers(rpcParams: params, names: parameterNames)
    }
}

/// One JSON-RPC method: its name, its parameter names in positional order, and its handler.
///
/// A handler returns its result already encoded as JSON. It throws a ``DomainError``
/// domain error (or a `JSONRPCErrorObject`) for errors the caller should see; any other error is
/// logged and answered with `-32603`.
///
/// A method whose handler never suspends (a public read of the served snapshot, `rpc.discover`) is
/// made with ``init(_:parameters:immediate:)``, which a synchronous trailing closure also picks: a body
/// made only of such calls is answered without leaving the caller's thread, which lets the event loop
/// answer it (``RPCDispatcher/respondImmediately(to:context:)``). Such a handler must be quick: no
/// I/O, no waiting on a lock held for long.
package struct RPCMethod: Sendable {
    package typealias Handler = @Sendable (RPCCall) async throws -> Data
    package typealias ImmediateHandler = @Sendable (RPCCall) throws -> Data

    /// How a method's handler runs.
    enum Body: Sendable {
        case suspending(Handler)
        case immediate(ImmediateHandler)
    }

    package let name: String
    package let parameterNames: [String]
    let body: Body

    package init(_ name: String, parameters: [String] = [], handler: @escaping Handler) {
        self.name = name
        self.parameterNames = parameters
        self.body = .suspending(handler)
    }

    /// A method whose handler answers without suspending.
    package init(_ name: String, parameters: [String] = [], immediate handler: @escaping ImmediateHandler) {
        self.name = name
        self.parameterNames = parameters
        self.body = .immediate(handler)
    }
}
