import ErrataCore
import ErrataServer
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Other spellings of a code (aliases) and where codes come from (`origin`), over REST and JSON-RPC.
@Suite struct AliasAndOriginTests {
    @Test func anAliasIsAnsweredByItsEntryNamingTheCodeAskedFor() async throws {
        try await TestService().test { client in
            let own = try await client.execute(uri: "/v1/errors/NotSuchBucketPolicy?locale=ko", method: .get).json()
            #expect(own["requestedCode"] == nil && own["origin"] == "service")
            let alias = try await client.execute(uri: "/v1/errors/NoSuchBucketPolicy?locale=ko", method: .get)
            #expect(alias.status == .ok)
            var expected = own
            expected["requestedCode"] = "NoSuchBucketPolicy"
            #expect(try alias.json() == expected)
            // Twice: the second body comes from the memo and must be the same.
            #expect(try await client.execute(uri: "/v1/errors/NoSuchBucketPolicy?locale=ko", method: .get).json() == expected)
            // And the entry's own body is not changed by the alias's.
            #expect(try await client.execute(uri: "/v1/errors/NotSuchBucketPolicy?locale=ko", method: .get).json() == own)

            let rpc = try await client.rpc(#"{"jsonrpc":"2.0","method":"errors.describe","params":{"code":"NoSuchBucketPolicy","locale":"ko"},"id":1}"#).json()
            #expect(rpc["result"] == expected)
            let match = try await client.rpc(
                #"{"jsonrpc":"2.0","method":"errors.match","params":{"code":"KeyTooLongError","serviceMessage":"Your key is too long","locale":"en"},"id":2}"#
            ).json()
            #expect(match["result"]?["code"] == "KeyTooLong" && match["result"]?["requestedCode"] == "KeyTooLongError")
        }
    }

    @Test func anExplainedAliasIsKnownAndItsTypoSuggestsIt() async throws {
        try await TestService().test { client in
            // As moto's S3 server answers GetBucketPolicy on a bucket without one.
            let body = #"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message><BucketName>b1</BucketName><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></Error>"#
            let known = try await client.rpc(
                #"{"jsonrpc":"2.0","method":"errors.explain","params":{"body":"\#(body)","httpStatus":404,"locale":"ja"},"id":1}"#
            ).json()
            #expect(known["result"]?["known"] == true)
            #expect(known["result"]?["description"]?["code"] == "NotSuchBucketPolicy")
            #expect(known["result"]?["description"]?["requestedCode"] == "NoSuchBucketPolicy")
            #expect(known["result"]?["response"]?["requestId"] == "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE")
            let typo = try await client.rpc(#"{"jsonrpc":"2.0","method":"errors.describe","params":{"code":"NoSuchBucketPolicyy"},"id":2}"#).json()
            #expect(typo["error"]?["data"]?["suggestions"]?[0] == "NoSuchBucketPolicy")
        }
    }

    @Test func everyDescriptionSaysWhereItsCodeComesFrom() async throws {
        try await TestService().test { client in
            let listing = try await client.execute(uri: "/v1/errors?locale=en", method: .get).json()
            guard case .array(let entries)? = listing["entries"] else { Issue.record("no entries"); return }
            var origins: [String: Int] = [:]
            for entry in entries {
                guard case .string(let origin)? = entry["origin"] else { Issue.record("\(entry["code"] ?? .null) has no origin"); continue }
                origins[origin, default: 0] += 1
            }
            #expect(origins == ["service": 57, "s3": 62, "generic": 6])
            let s3 = try await client.execute(uri: "/v1/errors/NoSuchLifecycleConfiguration?locale=zh-Hans", method: .get).json()
            #expect(s3["origin"] == "s3" && s3["httpStatus"] == 404 && s3["fallback"] == false)
        }
    }

    /// S3's own message picks a variant, and a message no variant has falls back to the code's first.
    @Test(arguments: [
        ("The bucket you tried to delete is not empty", "objects"),
        ("  the bucket you tried to delete has ACL didn't delete.. ", "acl"),
        ("Something the service never says.", "objects"),
    ])
    func aMessagePicksTheVariant(message: String, variant: String) async throws {
        try await TestService().test { client in
            let body = ExplainTests.quoted("<Error><Code>BucketNotEmpty</Code><Message>\(message)</Message></Error>")
            let result = try await client.rpc(
                #"{"jsonrpc":"2.0","method":"errors.explain","params":{"body":\#(body),"httpStatus":409},"id":1}"#
            ).json()
            #expect(result["result"]?["known"] == true)
            #expect(result["result"]?["description"]?["variant"] == .string(variant))
        }
    }
}
