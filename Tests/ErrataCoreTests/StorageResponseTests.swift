import ErrataCore
import Foundation
import Testing

/// The one reader of raw storage responses: every form, every field.
@Suite struct StorageResponseTests {
    static let fullXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- S3 answers a GET of a missing key with this -->
        <Error>
          <Code>NoSuchKey</Code>
          <Message>The specified key does not exist.</Message>
          <Key>2006/February/sample.jpg</Key>
          <BucketName>photos</BucketName>
          <Resource>/photos/2006/February/sample.jpg</Resource>
          <RequestId>4442587FB7D0A2F9</RequestId>
          <HostId>eftixk72aD6Ap51TnqcoF8eFidJG9Z/2mkiDFu8yU9AS1ed4OpIszj7UDNEHGran</HostId>
        </Error>
        """

    func read(_ body: String?, headers: [String: String] = [:], status: Int? = nil) throws -> StorageResponse {
        try StorageResponse(body: body.map { Data($0.utf8) }, headers: headers, httpStatus: status)
    }

    @Test func xmlBodyGivesEveryField() throws {
        let response = try read(Self.fullXML, status: 404)
        #expect(response == StorageResponse(
            format: .xml, code: ErrorCode("NoSuchKey"), message: "The specified key does not exist.", requestID: "4442587FB7D0A2F9",
            hostID: "eftixk72aD6Ap51TnqcoF8eFidJG9Z/2mkiDFu8yU9AS1ed4OpIszj7UDNEHGran", resource: "/photos/2006/February/sample.jpg",
            bucket: "photos", key: "2006/February/sample.jpg", httpStatus: 404
        ))
    }

    @Test func xmlReferencesCDATAAttributesAndByteOrderMarkAreRead() throws {
        let body = "\u{FEFF}<Error xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Code>Slow&#68;own</Code>"
            + "<Message><![CDATA[Please <reduce>]]> &amp; &#x263A; &lt;now&gt;</Message><Extra a='1'/></Error>"
        let response = try read(body)
        #expect(response.code == ErrorCode("SlowDown"))
        #expect(response.message == "Please <reduce> & ☺ <now>")
    }

    @Test func jsonBodiesInEveryForm() throws {
        let s3 = try read(#"{"Code":"NoSuchBucket","Message":"m","RequestId":"r","HostId":"h","BucketName":"b","Key":"k","Resource":"/b/k"}"#)
        #expect(s3 == StorageResponse(
            format: .json, code: ErrorCode("NoSuchBucket"), message: "m", requestID: "r", hostID: "h", resource: "/b/k", bucket: "b", key: "k"
        ))
        let nested = try read(#"{"error":{"code":"SlowDown","message":"Please reduce your request rate.","request_id":"r-2"}}"#)
        #expect(nested.code == ErrorCode("SlowDown") && nested.requestID == "r-2" && nested.format == .json)
        let rpc = try read(#"{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"busy","data":{"code":"SlowDown","requestId":"r-3"}}}"#)
        #expect(rpc.code == ErrorCode("SlowDown") && rpc.message == "busy" && rpc.requestID == "r-3")
        let bare = try read(#"{"code":-32004,"message":"Unknown error code","data":{"reason":"UnknownCode"}}"#)
        #expect(bare.code == ErrorCode("UnknownCode"))
    }

    @Test func headersAloneAsAHeadAnswers() throws {
        let headers = [
            "X-Amz-Error-Code": "NoSuchKey", "x-amz-error-message": "The specified key does not exist.",
            "x-amz-request-id": "R1", "X-AMZ-ID-2": "H1", "Content-Length": "0",
        ]
        let response = try read(nil, headers: headers, status: 404)
        #expect(response == StorageResponse(
            format: .headers, code: ErrorCode("NoSuchKey"), message: "The specified key does not exist.", requestID: "R1", hostID: "H1",
            httpStatus: 404
        ))
        let statusOnly = try read("", headers: ["x-amz-request-id": "R2"], status: 403)
        #expect(statusOnly.code == nil && statusOnly.requestID == "R2" && statusOnly.format == .headers)
    }

    @Test func headersFillWhatTheBodyLeavesOut() throws {
        let response = try read("<Error><Code>AccessDenied</Code><RequestId>body</RequestId></Error>", headers: ["x-amz-request-id": "header", "x-amz-id-2": "H"])
        #expect(response.requestID == "body" && response.hostID == "H" && response.format == .xml)
    }

    @Test func nothingToReadIsAnError() {
        #expect(throws: StorageResponseError.empty) { try read(nil) }
        #expect(throws: StorageResponseError.empty) { try read(" \n") }
    }

    // MARK: - Hostile input

    @Test func documentTypeAndEntityDeclarationsAreRefused() {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <Error><Code>&lol2;</Code></Error>
            """
        #expect(throws: StorageResponseError.declarationRefused("DOCTYPE", offset: 22)) { try read(laughs) }
        let external = #"<!DOCTYPE Error SYSTEM "http://169.254.169.254/latest/meta-data/"><Error><Code>X</Code></Error>"#
        #expect(throws: StorageResponseError.declarationRefused("DOCTYPE", offset: 0)) { try read(external) }
        #expect(throws: StorageResponseError.declarationRefused("ENTITY", offset: 7)) { try read(#"<Error><!ENTITY x "y"></Error>"#) }
        #expect(throws: StorageResponseError.malformedXML("a reference to the undeclared entity 'xxe'", offset: 13)) {
            try read("<Error><Code>&xxe;</Code></Error>")
        }
    }

    @Test func nestingIsBoundedBeforeItIsFollowed() {
        let deepXML = "<Error>" + String(repeating: "<a>", count: 10_000)
        #expect(throws: StorageResponseError.nestingTooDeep(limit: StorageResponse.maximumDepth)) { try read(deepXML) }
        let deepJSON = String(repeating: #"{"a":"#, count: 10_000)
        #expect(throws: StorageResponseError.nestingTooDeep(limit: StorageResponse.maximumDepth)) { try read(deepJSON) }
    }

    @Test func sizeIsBounded() {
        let huge = String(repeating: "<a>", count: 10 * 1024 * 1024 / 3)
        #expect(throws: StorageResponseError.tooLarge(size: huge.utf8.count, limit: StorageResponse.maximumBodySize)) { try read(huge) }
    }

    @Test func invalidUTF8IsNamedWithItsOffset() {
        let bytes = Data("<Error><Code>".utf8) + Data([0xC3, 0x28]) + Data("</Code></Error>".utf8)
        #expect(throws: StorageResponseError.invalidUTF8(offset: 13)) { try StorageResponse(body: bytes) }
    }

    @Test func truncatedDocumentsAreNamed() {
        let full = Self.fullXML
        for length in [1, 10, 60, 150, full.utf8.count - 1] {
            let cut = String(decoding: Array(full.utf8.prefix(length)), as: UTF8.self)
            #expect(throws: StorageResponseError.truncated) { try read(cut) }
        }
        #expect(throws: StorageResponseError.self) { try read(#"{"Code":"NoSuchKey""#) }
    }

    @Test func otherDocumentsAreNotErrors() {
        #expect(throws: StorageResponseError.notAnError("the XML root element is <ListBucketResult>, not <Error>")) {
            try read("<ListBucketResult></ListBucketResult>")
        }
        #expect(throws: StorageResponseError.notAnError("the JSON body is array, not an object")) { try read("[1]") }
        #expect(throws: StorageResponseError.unrecognizedFormat) { try read("Internal Server Error") }
        #expect(throws: StorageResponseError.malformedXML("</Message> closes <Code>", offset: 13)) {
            try read("<Error><Code></Message></Error>")
        }
        #expect(throws: StorageResponseError.malformedXML("a second root element <Error>", offset: 15)) { try read("<Error></Error><Error></Error>") }
    }

    /// Random bytes, and random cuts and flips of real bodies, end in a value or a typed error: never a crash or a hang.
    @Test func randomBytesNeverCrash() {
        var generator = SplitMix64(seed: 11)
        let seeds = [Self.fullXML, #"{"Error":{"Code":"SlowDown","Message":"m"}}"#, "<Error><Code>A&amp;B</Code><![CDATA[x]]></Error>"].map { Array($0.utf8) }
        let alphabet = Array("<>/!?&;#x[]-=\"' {}:,ErrorCode".utf8) + [0x00, 0xC3, 0xFF]
        for round in 0..<3_000 {
            var bytes: [UInt8]
            if round.isMultiple(of: 2) {
                bytes = (0..<Int.random(in: 0...64, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            } else {
                bytes = seeds.randomElement(using: &generator)!
                for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = alphabet.randomElement(using: &generator)!
                }
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
            }
            _ = try? StorageResponse(body: Data(bytes), headers: round.isMultiple(of: 3) ? ["x-amz-request-id": "r"] : [:])
        }
    }
}
