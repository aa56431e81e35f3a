import ErrataCore
import ErrataServer
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite struct CatalogRPCTests {
    func call(_ method: String, _ params: String, id: Int = 1, headers: HTTPFields = [:]) async throws -> JSONValue {
        try await TestService().test { client in
            let response = try await client.rpc(#"{"jsonrpc":"2.0","method":"\#(method)","params":\#(params),"id":\#(id)}"#, headers: headers)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            return try response.json()
        }
    }

    @Test func describeAnswersTheDocumentedShape() async throws {
        let answer = try await call("errors.describe", #"{"code":"EntityTooLarge","locale":"zh-Hans"}"#)
        let result = try #require(answer["result"])
        guard case .object(let members) = result else { Issue.record("result is not an object"); return }
        #expect(Set(members.keys) == [
            "code", "docsUrl", "variant", "httpStatus", "category", "retry", "fault", "serviceMessage", "locale", "fallback",
            "message", "remediation", "developerHint", "revision", "origin",
        ])
        #expect(result["origin"] == "service")
        #expect(result["docsUrl"] == "/docs/errors/EntityTooLarge?locale=zh-Hans")
        #expect(result["variant"] == .null)
        #expect(result["locale"] == "zh-Hans")
        #expect(result["revision"] == 1)
        guard case .string(let remediation) = result["remediation"], case .string(let message) = result["message"] else {
            Issue.record("texts missing"); return
        }
        #expect((message + remediation).contains("5 GB"))
    }

    @Test func describeTakesPositionalParamsAndPlaceholderValues() async throws {
        let answer = try await call("errors.describe", #"["EntityTooLarge", null, "en", {"maxObjectSize": "10 GiB"}]"#)
        guard case .string(let text) = answer["result"]?["remediation"] else { Issue.record("no remediation"); return }
        #expect(text.contains("10 GiB"))
    }

    @Test func describeNegotiatesFromAcceptLanguage() async throws {
        let answer = try await call("errors.describe", #"{"code":"AccessDenied"}"#, headers: [.acceptLanguage: "zh-HK"])
        #expect(answer["result"]?["locale"] == "zh-Hant")
    }

    @Test func matchPicksTheVariantFromTheServiceMessage() async throws {
        let answer = try await call(
            "errors.match", #"{"code":"BucketNotEmpty","serviceMessage":"The bucket you tried to delete has some muti uploads didn't delete."}"#
        )
        #expect(answer["result"]?["variant"] == "multipartUploads")
    }

    @Test func listAndCatalogAndLocales() async throws {
        let list = try await call("errors.list", #"{"category":"auth","locale":"zh-Hant"}"#)
        guard case .array(let entries) = list["result"]?["entries"] else { Issue.record("no entries"); return }
        #expect(!entries.isEmpty && entries.allSatisfy { $0["category"] == "auth" && $0["locale"] == "zh-Hant" })
        let catalog = try await call("catalog.get", "{}")
        guard case .array(let all) = catalog["result"]?["entries"] else { Issue.record("no entries"); return }
        #expect(all.count == 125)
        #expect(catalog["result"]?["revision"] == 1)
        let locales = try await call("locales.list", "[]")
        #expect(locales["result"]?[1]?["tag"] == "zh-Hans")
        #expect(locales["result"]?[1]?["complete"] == true)
    }

    @Test func unknownCodeIsAnApplicationError() async throws {
        let answer = try await call("errors.describe", #"{"code":"NoSuchKye"}"#, id: 9)
        #expect(answer["id"] == 9)
        #expect(answer["error"]?["code"] == -32004)
        #expect(answer["error"]?["data"]?["reason"] == "UnknownCode")
        #expect(answer["error"]?["data"]?["code"] == "NoSuchKye")
        #expect(answer["error"]?["data"]?["suggestions"]?[0] == "NoSuchKey")
    }

    @Test(arguments: [
        (#"{}"#, "code"),
        (#"{"code":42}"#, "code"),
        (#"{"code":""}"#, "code"),
        (#"{"code":"NoSuchKey","local":"en"}"#, "local"),
        (#"{"code":"NoSuchKey","params":{"nope":"1"}}"#, "params.nope"),
        (#"{"code":"NoSuchKey","params":"x"}"#, "params"),
        (#"{"code":"NoSuchKey","params":{"a":[1]}}"#, "params.a"),
    ])
    func invalidParamsNameTheField(params: String, field: String) async throws {
        let answer = try await call("errors.describe", params)
        #expect(answer["error"]?["code"] == -32602)
        #expect(answer["error"]?["data"]?["field"] == .string(field))
    }

    @Test func invalidParamsForListsAndTooManyPositionals() async throws {
        #expect(try await call("errors.list", #"{"httpStatus":"404"}"#)["error"]?["code"] == -32602)
        #expect(try await call("errors.list", #"{"httpStatus":42}"#)["error"]?["code"] == -32602)
        #expect(try await call("locales.list", #"["extra"]"#)["error"]?["code"] == -32602)
        let longCode = String(repeating: "A", count: 200)
        #expect(try await call("errors.describe", #"{"code":"\#(longCode)"}"#)["error"]?["code"] == -32602)
    }

    @Test func reservedAndUnknownMethodsAreNotFound() async throws {
        #expect(try await call("rpc.anything", "{}")["error"]?["code"] == -32601)
        #expect(try await call("errors.delete", "{}")["error"]?["code"] == -32601)
    }
}
