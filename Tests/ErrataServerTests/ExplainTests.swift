import ErrataCore
import ErrataServer
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `errors.explain` and `POST /v1/explain`: a raw storage response explained, over both protocols.
@Suite struct ExplainTests {
    static let multipartXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Error><Code>BucketNotEmpty</Code><Message>The bucket you tried to delete has some muti uploads didn't delete.</Message>\
        <BucketName>photos</BucketName><Resource>/photos</Resource><RequestId>4442587FB7D0A2F9</RequestId><HostId>h-1</HostId></Error>
        """

    /// A JSON string literal of `text`.
    static func quoted(_ text: String) -> String {
        String(decoding: CanonicalJSON.encode(text), as: UTF8.self)
    }

    func explainREST(_ client: some TestClientProtocol, _ body: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/json"
        return try await client.execute(uri: "/v1/explain", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test func knownCodeIsDescribedAsMatchDescribesItWithTheVariantItsMessagePicks() async throws {
        try await TestService().test { client in
            let match = try await client.rpc(
                #"{"jsonrpc":"2.0","method":"errors.match","params":{"code":"BucketNotEmpty","serviceMessage":"The bucket you tried to delete has some muti uploads didn't delete.","locale":"zh-Hant"},"id":1}"#
            ).json()
            let expectedDescription = try #require(match["result"])
            #expect(expectedDescription["variant"] == "multipartUploads")
            let expectedResponse: JSONValue = [
                "format": "xml", "code": "BucketNotEmpty", "message": "The bucket you tried to delete has some muti uploads didn't delete.",
                "bucket": "photos", "resource": "/photos", "requestId": "4442587FB7D0A2F9", "hostId": "h-1", "httpStatus": 409,
            ]
            let rpc = try await client.rpc(
                #"{"jsonrpc":"2.0","method":"errors.explain","params":{"body":\#(Self.quoted(Self.multipartXML)),"httpStatus":409,"locale":"zh-Hant"},"id":2}"#
            ).json()
            #expect(rpc["result"] == ["known": true, "description": expectedDescription, "suggestions": [], "response": expectedResponse])

            let rest = try await explainREST(client, #"{"body":\#(Self.quoted(Self.multipartXML)),"httpStatus":409}"#, headers: [.acceptLanguage: "zh-TW"])
            #expect(rest.status == .ok)
            #expect(rest.headers[.cacheControl] == "no-store")
            #expect(rest.headers[.contentLanguage] == "zh-Hant")
            #expect(rest.headers[.vary]?.contains("Accept-Language") == true)
            #expect(try rest.json() == rpc["result"])
        }
    }

    @Test func unknownCodeGetsSuggestionsAndTheGenericTextOfItsStatusClass() async throws {
        try await TestService().test { client in
            let body = Self.quoted("<Error><Code>NoSuchKeys</Code><Message>No such key, really.</Message></Error>")
            let rest = try await explainREST(client, #"{"body":\#(body),"httpStatus":404}"#, headers: [.acceptLanguage: "zh-TW"])
            #expect(rest.status == .ok && rest.headers[.contentLanguage] == "zh-Hant")
            let result = try rest.json()
            #expect(result["known"] == false)
            #expect(result["suggestions"]?[0] == "NoSuchKey")
            // A 404 of an unknown code: the generic entry for "missing", naming the code as sent.
            var generic = try await client.execute(uri: "/v1/errors/UnrecognizedError?variant=missing&locale=zh-Hant", method: .get).json()
            generic["requestedCode"] = "NoSuchKeys"
            let description = try #require(result["description"])
            #expect(description == generic)
            #expect(description["origin"] == "generic" && description["fallback"] == false && description["httpStatus"] == 404)
            #expect(result["response"]?["message"] == "No such key, really.")

            let server = try await client.rpc(
                #"{"jsonrpc":"2.0","method":"errors.explain","params":{"body":"{\"code\":\"Meltdown\"}","httpStatus":503,"locale":"zh-Hans"},"id":1}"#
            ).json()
            #expect(server["result"]?["known"] == false)
            #expect(server["result"]?["description"]?["variant"] == "throttling" && server["result"]?["description"]?["retry"] == "throttling")
            #expect(server["result"]?["description"]?["requestedCode"] == "Meltdown")
            #expect(server["result"]?["response"] == ["format": "json", "code": "Meltdown", "httpStatus": 503])
        }
    }

    @Test(arguments: [
        (403, "permission"), (401, "permission"), (404, "missing"), (409, "conflict"), (429, "throttling"), (503, "throttling"),
        (400, "client"), (412, "client"), (500, "server"), (502, "server"), (200, "server"),
    ])
    func theGenericAnswerFollowsTheStatusClass(status: Int, variant: String) async throws {
        try await TestService().test { client in
            let body = Self.quoted("<Error><Code>NoSuchWidget</Code></Error>")
            let result = try await explainREST(client, #"{"body":\#(body),"httpStatus":\#(status),"locale":"ja"}"#).json()
            #expect(result["known"] == false)
            #expect(result["description"]?["code"] == "UnrecognizedError" && result["description"]?["variant"] == .string(variant))
            #expect(result["description"]?["requestedCode"] == "NoSuchWidget" && result["description"]?["origin"] == "generic")
        }
    }

    @Test func headersAloneAsAHeadCarriesThem() async throws {
        try await TestService().test { client in
            let known = try await client.rpc(
                #"{"jsonrpc":"2.0","method":"errors.explain","params":[null,404,{"X-Amz-Error-Code":"NoSuchKey","x-amz-request-id":"R1","x-amz-id-2":"H1"},"en"],"id":1}"#
            ).json()
            #expect(known["result"]?["known"] == true)
            #expect(known["result"]?["description"]?["code"] == "NoSuchKey")
            #expect(known["result"]?["response"] == ["format": "headers", "code": "NoSuchKey", "requestId": "R1", "hostId": "H1", "httpStatus": 404])
            let statusOnly = try await explainREST(client, #"{"headers":{"x-amz-request-id":"R2"},"httpStatus":403}"#).json()
            #expect(statusOnly["known"] == false && statusOnly["suggestions"] == [])
            // No code at all: the generic entry for the status, naming no code.
            #expect(statusOnly["description"]?["variant"] == "permission" && statusOnly["description"]?["requestedCode"] == nil)
        }
    }

    @Test func missingBodyAndHeadersIsInvalidParams() async throws {
        try await TestService().test { client in
            let rpc = try await client.rpc(#"{"jsonrpc":"2.0","method":"errors.explain","params":{"locale":"en"},"id":1}"#).json()
            #expect(rpc["error"]?["code"] == -32602 && rpc["error"]?["data"]?["reason"] == "InvalidParams")
            let rest = try await explainREST(client, #"{"headers":{}}"#)
            #expect(rest.status == .unprocessableContent)
            #expect(try rest.json()["reason"] == "InvalidParams")
        }
    }

    @Test func documentTypeDeclarationIsRefused() async throws {
        try await TestService().test { client in
            let body = Self.quoted(#"<!DOCTYPE Error [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Error><Code>&xxe;</Code></Error>"#)
            let rpc = try await client.rpc(#"{"jsonrpc":"2.0","method":"errors.explain","params":{"body":\#(body)},"id":1}"#).json()
            #expect(rpc["error"]?["code"] == -32602)
            #expect(rpc["error"]?["data"]?["reason"] == "UnreadableResponse" && rpc["error"]?["data"]?["field"] == "body")
            let rest = try await explainREST(client, #"{"body":\#(body)}"#)
            #expect(rest.status == .unprocessableContent)
            #expect(rest.headers[.contentType] == "application/problem+json")
            let problem = try rest.json()
            #expect(problem["reason"] == "UnreadableResponse")
            guard case .string(let detail) = problem["detail"] else { Issue.record("no detail"); return }
            #expect(detail.contains("<!DOCTYPE>") && detail.contains("refused"))
        }
    }

    @Test func tooLargeABodyIs413() async throws {
        // A request limit above the reader's, so that the reader's own limit answers.
        try await TestService(configuration: .init(port: 0, maximumBodySize: 4 << 20)).test { client in
            let huge = String(repeating: "<a>", count: StorageResponse.maximumBodySize / 3 + 1)
            let rest = try await explainREST(client, #"{"body":"\#(huge)"}"#)
            #expect(rest.status == .contentTooLarge)
            #expect(try rest.json()["reason"] == "UnreadableResponse")
            let rpc = try await client.rpc(#"{"jsonrpc":"2.0","method":"errors.explain","params":{"body":"\#(huge)"},"id":1}"#).json()
            #expect(rpc["error"]?["code"] == -32602 && rpc["error"]?["data"]?["reason"] == "UnreadableResponse")
        }
    }

    @Test func wrongMemberTypesAreNamed() async throws {
        try await TestService().test { client in
            for (body, field) in [(#"{"body":5}"#, "body"), (#"{"body":"","headers":{"a":[]}}"#, "headers.a"), (#"{"body":"<Error/>","httpStatus":"404"}"#, "httpStatus"), (#"{"body":"<Error/>","locales":"en"}"#, "locales")] {
                let rest = try await explainREST(client, body)
                #expect(rest.status == .unprocessableContent)
                let problem = try rest.json()
                #expect(problem["reason"] == "InvalidParams" && problem["field"] == .string(field), "\(body)")
                let rpc = try await client.rpc(#"{"jsonrpc":"2.0","method":"errors.explain","params":\#(body),"id":1}"#).json()
                #expect(rpc["error"]?["data"]?["field"] == .string(field), "\(body)")
            }
        }
    }
}
