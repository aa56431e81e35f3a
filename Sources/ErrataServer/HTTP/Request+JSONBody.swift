import ErrataCore
import Foundation
import Hummingbird
import NIOFoundationCompat

extension Request {
    /// The request body as the named members of a JSON object, parsed as strictly as `POST /rpc` is
    /// (`StrictJSONParser`); an empty body has no members.
    ///
    /// - Parameters:
    ///   - names: The members the operation takes; any other is refused.
    ///   - maximumBodySize: The largest body read.
    ///   - maximumDepth: The deepest nesting of arrays and objects allowed.
    /// - Throws: A 415 ``Problem`` for a body that is not JSON, a 400 one for a body that is not a strict
    ///   JSON object, ``InvalidInput`` for an unknown member.
    func jsonMembers(_ names: [String], maximumBodySize: Int, maximumDepth: Int) async throws -> InputMembers {
        var request = self
        let buffer = try await request.collectBody(upTo: maximumBodySize)
        guard buffer.readableBytes > 0 else { return try InputMembers([:], names: names, noun: "member") }
        guard RPCController<ErrataRequestContext>.isJSON(headers[.contentType]) else {
            throw Problem(
                status: .unsupportedMediaType, kind: "unsupported-media-type", title: "Unsupported Media Type",
                detail: "send a JSON body with Content-Type: application/json", reason: "UnsupportedMediaType"
            )
        }
        switch StrictJSONParser.parse(Data(buffer: buffer, byteTransferStrategy: .noCopy), maximumDepth: maximumDepth) {
        case .success(.object(let members)):
            return try InputMembers(members, names: names, noun: "member")
        case .success(let other):
            throw Problem.badRequest("the body must be a JSON object, not \(other.typeName)")
        case .failure(let violation):
            throw Problem.badRequest("the body is not strict JSON: \(violation)")
        }
    }
}
