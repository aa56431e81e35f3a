import ErrataCore
import ErrataServer
import ErrataStore
import Hummingbird
import HummingbirdTesting
import Testing

/// ICU message texts over the real JSON-RPC endpoint: refused edits name the problem and its position,
/// and describe renders plurals with `params`, refusing a value a number argument cannot take.
@Suite struct MessageTextRPCTests {
    static let plural = "Requests are rejected when your clock is off by more than {maxClockSkewMinutes, plural, one {# minute} other {# minutes}}."

    /// An `admin.setText` of RequestTimeTooSkewed's remediation; `text` has no quote or backslash.
    static func setText(_ locale: String, _ text: String) -> String {
        AdminRPCTests.call(
            "admin.setText", #"{"code":"RequestTimeTooSkewed","locale":"\#(locale)","field":"remediation","text":"\#(text)","expectedVersion":1}"#
        )
    }

    @Test func setTextRefusesInvalidMessagesWithThePosition() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "alice", scope: .edit)
        try await service.test { client in
            let cases = [
                ("en", "Off by {maxClockSkewMinutes, plural, one {# minute}}.", "text is not a valid message: plural at 7 has no 'other' case"),
                ("en", "Off by {maxClockSkewMinutes, date}.", "text is not a valid message: argument type 'date' at 29 is not supported (number, plural and select are)"),
                ("ja", "{maxClockSkewMinutes, number} 分以上ずれています。", "{maxClockSkewMinutes} is used as {name, number} where the source text uses it as {name}"),
            ]
            for (locale, text, problem) in cases {
                let answer = try await client.rpc(Self.setText(locale, text), headers: AdminRPCTests.bearer(token)).json()
                #expect(answer["error"]?["code"] == -32602, "\(text)")
                #expect(answer["error"]?["data"]?["field"] == "text")
                #expect(answer["error"]?["data"]?["problems"] == .array([.string(problem)]), "\(text)")
            }
            let verdict = try await client.rpc(
                AdminRPCTests.call("admin.validateText", #"{"code":"RequestTimeTooSkewed","locale":"en","field":"remediation","text":"Off by {m, plural, one {#}}."}"#),
                headers: AdminRPCTests.bearer(token)
            ).json()
            #expect(verdict["result"]?["problems"]?[0]?["reason"] == "InvalidMessage")
            #expect(verdict["result"]?["problems"]?[0]?["offset"] == 7)
        }
    }

    @Test func theVerdictCarriesTheTextAsReadersSeeIt() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "alice", scope: .edit)
        try await service.test { client in
            func verdict(_ text: String) async throws -> JSONValue? {
                try await client.rpc(
                    AdminRPCTests.call(
                        "admin.validateText", #"{"code":"RequestTimeTooSkewed","locale":"en","field":"remediation","text":"\#(text)"}"#
                    ),
                    headers: AdminRPCTests.bearer(token)
                ).json()["result"]
            }
            // The console's preview shows this: the plural rendered with the entry's default, 15.
            let valid = try await verdict(Self.plural)
            #expect(valid?["preview"] == "Requests are rejected when your clock is off by more than 15 minutes.")
            let invalid = try await verdict("Off by {maxClockSkewMinutes, plural, one {# minute}}.")
            #expect(invalid?["valid"] == false)
            #expect(invalid?["preview"] == nil)
        }
    }

    @Test func describeRendersPluralsWithParams() async throws {
        let service = try await TestService()
        let token = try await service.store.createToken(name: "alice", scope: .publish)
        try await service.test { client in
            let edit = try await client.rpc(Self.setText("en", Self.plural), headers: AdminRPCTests.bearer(token)).json()
            #expect(edit["result"]?["pending"] == true, "\(edit)")
            _ = try await client.rpc(AdminRPCTests.call("admin.publish", #"{"note":"plural"}"#), headers: AdminRPCTests.bearer(token))

            let byDefault = try await client.rpc(AdminRPCTests.call("errors.describe", #"{"code":"RequestTimeTooSkewed","locale":"en"}"#)).json()
            #expect(byDefault["result"]?["remediation"] == "Requests are rejected when your clock is off by more than 15 minutes.")
            let one = try await client.rpc(
                AdminRPCTests.call("errors.describe", #"{"code":"RequestTimeTooSkewed","locale":"en","params":{"maxClockSkewMinutes":1}}"#)
            ).json()
            #expect(one["result"]?["remediation"] == "Requests are rejected when your clock is off by more than 1 minute.")
            let many = try await client.rpc(
                AdminRPCTests.call("errors.describe", #"{"code":"RequestTimeTooSkewed","locale":"en","params":{"maxClockSkewMinutes":"1500"}}"#)
            ).json()
            #expect(many["result"]?["remediation"] == "Requests are rejected when your clock is off by more than 1,500 minutes.")

            let refused = try await client.rpc(
                AdminRPCTests.call("errors.describe", #"{"code":"RequestTimeTooSkewed","locale":"en","params":{"maxClockSkewMinutes":"1,500"}}"#)
            ).json()
            #expect(refused["error"]?["code"] == -32602)
            #expect(refused["error"]?["data"]?["reason"] == "InvalidParams")
            #expect(refused["error"]?["data"]?["field"] == "params.maxClockSkewMinutes")
            #expect(refused["error"]?["data"]?["detail"] == "parameter 'maxClockSkewMinutes' is a number in the texts of RequestTimeTooSkewed: give a plain decimal such as 9999 or 2.5, not '1,500'")
        }
    }
}
