public import ErrataCore
public import Foundation
public import HTTPTypes
public import Logging

/// What a JSON-RPC method sees of the HTTP request that carried it.
public struct RPCCallContext: Sendable {
    /// The HTTP request's header fields (for `Accept-Language`, `Authorization`).
    public var headers: HTTPFields
    /// The caller's address, for throttling failed authentications.
    public var peer: String
    public var logger: Logger

    public init(headers: HTTPFields, peer: String, logger: Logger) {
        self.headers = headers
        self.peer = peer
        self.logger = logger
    }
}

/// One JSON-RPC method: its name, its parameter names in positional order, and its handler.
///
/// A handler returns its result already encoded as JSON. It throws a ``JSONRPCErrorObject`` for
/// errors the caller should see; any other error is logged and answered with `-32603`.
public struct RPCMethod: Sendable {
    public typealias Handler = @Sendable (RPCParams, RPCCallContext) async throws -> Data

    public let name: String
    public let parameterNames: [String]
    public let handler: Handler

    public init(_ name: String, parameters: [String] = [], handler: @escaping Handler) {
        self.name = name
        self.parameterNames = parameters
        self.handler = handler
    }
}
