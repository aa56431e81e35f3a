import ErrataClient
import ErrataCore
import Foundation
import Testing

/// Storage error responses become Swift errors explained by the catalog.
@Suite struct StorageErrorTests {
    let cache: TemporaryDirectory
    let client: ErrataClient

    init() throws {
        cache = try TemporaryDirectory()
        client = ErrataClient.make(cache: cache)
    }

    static let multipartXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Error>
          <Code>BucketNotEmpty</Code>
          <Message>The bucket you tried to delete has some muti uploads didn't delete.</Message>
          <Resource>/photos</Resource>
          <RequestId>4442587FB7D0A2F9</RequestId>
        </Error>
        """

    @Test func xmlBodyChoosesTheVariantByItsMessage() throws {
        defer { cache.remove() }
        let error = try #require(client.storageError(responseBody: Data(Self.multipartXML.utf8), locale: "zh-CN"))
        #expect(error.code == ErrorCode("BucketNotEmpty"))
        #expect(error.response.requestID == "4442587FB7D0A2F9")
        #expect(error.response.resource == "/photos")
        let explanation = try #require(error.explanation)
        #expect(explanation.variant == VariantName("multipartUploads"))
        #expect(explanation.locale.rawValue == "zh-Hans")
        #expect(!error.isRetryable)
    }

    @Test func localizedErrorTextReachesLocalizedDescription() throws {
        defer { cache.remove() }
        let expected = try client.describe(code: ErrorCode("BucketNotEmpty"), variant: VariantName("multipartUploads"), locale: "zh-Hans")
        let error: any Error = try #require(client.storageError(responseBody: Data(Self.multipartXML.utf8), locale: "zh-Hans"))
        #expect(error.localizedDescription == expected.message)
        let localized = try #require(error as? any LocalizedError)
        #expect(localized.recoverySuggestion == expected.remediation)
        #expect(localized.failureReason == "BucketNotEmpty: The bucket you tried to delete has some muti uploads didn't delete.")
        #expect(localized.helpAnchor == "BucketNotEmpty.multipartUploads")
        let bridged = error as NSError
        #expect(bridged.domain == StorageError.errorDomain)
        #expect(bridged.code == 409)
        #expect(bridged.localizedDescription == expected.message)
        #expect(bridged.localizedRecoverySuggestion == expected.remediation)
        #expect(bridged.userInfo["ErrataRequestID"] as? String == "4442587FB7D0A2F9")
    }

    @Test func jsonRPCErrorObjectsCarryTheStorageCode() throws {
        defer { cache.remove() }
        let object = JSONRPCErrorObject(code: -32000, message: "Please reduce your request rate.", data: ["code": "SlowDown", "requestId": "r-1"])
        let error = client.storageError(rpcError: object, locale: "zh-Hant")
        #expect(error.code == ErrorCode("SlowDown"))
        #expect(error.isThrottling && error.isRetryable)
        #expect(error.response.requestID == "r-1")
        #expect(error.explanation?.locale.rawValue == "zh-Hant")

        let envelope = #"{"jsonrpc":"2.0","error":{"code":-32000,"message":"Internal","data":{"reason":"InternalError"}},"id":7}"#
        let parsed = try #require(client.storageError(responseBody: Data(envelope.utf8)))
        #expect(parsed.code == ErrorCode("InternalError"))
        #expect(parsed.isRetryable && !parsed.isThrottling)
    }

    @Test(arguments: [
        #"{"Error":{"Code":"NoSuchKey","Message":"The specified key does not exist.","RequestId":"abc"}}"#,
        #"{"code":"NoSuchKey","message":"The specified key does not exist.","requestId":"abc"}"#,
        "\u{FEFF}  <Error xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Code>NoSuchKey</Code><RequestId>abc</RequestId></Error>",
    ])
    func s3StyleBodiesParse(body: String) throws {
        defer { cache.remove() }
        let error = try #require(client.storageError(responseBody: Data(body.utf8)))
        #expect(error.code == ErrorCode("NoSuchKey"))
        #expect(error.response.requestID == "abc")
        #expect(error.explanation?.httpStatus == 404)
    }

    @Test(arguments: [
        "", "plain text", "<Error><Message>no code</Message></Error>", "<NotAnError><Code>NoSuchKey</Code></NotAnError>",
        "<Error><Code>NoSuchKey</Code>", #"{"message":"no code"}"#, "[1,2]", "{not json",
    ])
    func bodiesThatAreNotStorageErrorsGiveNil(body: String) {
        defer { cache.remove() }
        #expect(client.storageError(responseBody: Data(body.utf8)) == nil)
    }

    @Test func externalEntitiesAreNotResolved() throws {
        defer { cache.remove() }
        let secret = cache.url.appendingPathComponent("secret.txt")
        try Data("TOP-SECRET".utf8).write(to: secret)
        let body = """
            <?xml version="1.0"?>
            <!DOCTYPE Error [<!ENTITY leak SYSTEM "file://\(secret.path)">]>
            <Error><Code>NoSuchKey</Code><Message>&leak;</Message></Error>
            """
        let error = client.storageError(responseBody: Data(body.utf8))
        #expect(error?.response.message?.contains("TOP-SECRET") != true)
    }

    @Test func anUnknownCodeKeepsTheServiceMessageAndGetsTheGenericAnswerOfItsStatus() throws {
        defer { cache.remove() }
        let error: any Error = client.storageError(code: ErrorCode("NoSuchThing"), message: "The thing is gone.")
        #expect(error.localizedDescription == "The thing is gone.")
        let storage = try #require(error as? StorageError)
        #expect(storage.explanation == nil)
        // No status: the generic answer for a client error.
        let generic = try #require(storage.genericExplanation)
        #expect(generic.code == ErrorCode("UnrecognizedError") && generic.variant == VariantName("client") && generic.origin == .generic)
        #expect(generic.requestedCode == ErrorCode("NoSuchThing"))
        #expect(storage.recoverySuggestion == generic.remediation)
        #expect(storage.suggestions.isEmpty)
        #expect(!storage.isRetryable && !storage.isThrottling)
        let bare = client.storageError(code: ErrorCode("NoSuchThing"))
        #expect(bare.localizedDescription == generic.message, "never an empty string")

        let typo = try client.storageError(responseBody: Data("<Error><Code>NoSuchKye</Code></Error>".utf8), headers: [:], httpStatus: 404)
        #expect(typo.explanation == nil && typo.genericExplanation?.variant == VariantName("missing"))
        #expect(typo.suggestions.first == ErrorCode("NoSuchKey"))
        let overloaded = try client.storageError(responseBody: Data("<Error><Code>Busy</Code></Error>".utf8), headers: [:], httpStatus: 503)
        #expect(overloaded.isThrottling && overloaded.isRetryable)
    }

    @Test func anAliasIsExplainedByItsEntry() throws {
        defer { cache.remove() }
        let error = client.storageError(code: ErrorCode("NoSuchBucketPolicy"), locale: "zh-Hans")
        let explanation = try #require(error.explanation)
        #expect(explanation.code == ErrorCode("NotSuchBucketPolicy") && explanation.requestedCode == ErrorCode("NoSuchBucketPolicy"))
        #expect(error.genericExplanation == nil)
        let s3 = client.storageError(code: ErrorCode("NoSuchTagSet"))
        #expect(s3.explanation?.origin == .s3)
        let described = try client.describe(code: ErrorCode("KeyTooLongError"), locale: "ja")
        #expect(described.code == ErrorCode("KeyTooLong") && described.requestedCode == ErrorCode("KeyTooLongError"))
    }

    @Test func rawResponsesAreExplainedOfflineWithEveryField() throws {
        defer { cache.remove() }
        let body = Data("<Error><Code>NoSuchKey</Code><BucketName>photos</BucketName><Key>a.jpg</Key><HostId>h</HostId></Error>".utf8)
        let error = try client.storageError(responseBody: body, headers: ["x-amz-request-id": "R"], httpStatus: 404, locale: "zh-Hant")
        #expect(error.response == StorageErrorResponse(
            code: ErrorCode("NoSuchKey"), requestID: "R", hostID: "h", bucket: "photos", key: "a.jpg", httpStatus: 404
        ))
        #expect(error.explanation?.locale.rawValue == "zh-Hant")
        let head = try client.storageError(responseBody: nil, headers: ["X-Amz-Error-Code": "SlowDown"], httpStatus: 503)
        #expect(head.isThrottling)
        #expect(throws: StorageResponseError.declarationRefused("DOCTYPE", offset: 0)) {
            try client.storageError(responseBody: Data("<!DOCTYPE Error><Error/>".utf8), headers: [:])
        }
    }

    @Test func anOversizedBodyIsRefused() {
        defer { cache.remove() }
        let padding = String(repeating: " ", count: StorageErrorResponse.maximumBodySize)
        #expect(client.storageError(responseBody: Data("<Error><Code>NoSuchKey</Code></Error>\(padding)".utf8)) == nil)
    }
}
