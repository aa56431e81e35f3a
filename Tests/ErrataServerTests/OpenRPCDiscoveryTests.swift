import ErrataCore
import ErrataServer
import ErrataStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `rpc.discover` answers the OpenRPC document, and it documents exactly the registered methods.
@Suite struct OpenRPCDiscoveryTests {
    @Test func documentsExactlyTheRegisteredMethods() async throws {
        let service = try await TestService()
        let dispatcher = buildDispatcher(configuration: service.configuration, live: service.live, access: AccessControl(store: service.store), service: service.edits)
        let registered = Set(dispatcher.methodNames)
        #expect(registered.count >= 16)
        try await service.test { client in
            let document = try await client.rpc(#"{"jsonrpc":"2.0","method":"rpc.discover","id":1}"#).json()["result"]
            #expect(document?["openrpc"] == "1.3.2")
            guard case .array(let methods) = document?["methods"] else { Issue.record("no methods"); return }
            let documented = Set(methods.compactMap { method -> String? in
                if case .string(let name) = method["name"] { return name } else { return nil }
            })
            // Every documented method is registered: calling it never answers "method not found".
            for name in documented.sorted() {
                let answer = try await client.rpc(#"{"jsonrpc":"2.0","method":"\#(name)","id":1}"#).json()
                #expect(answer["error"]?["code"] != -32601, "\(name) is documented but not registered")
            }
            // Every registered method is documented.
            #expect(registered == documented, "registered but undocumented: \(registered.subtracting(documented)); documented but not registered: \(documented.subtracting(registered))")
            // Each method documents its params, its result and, for admin methods, its errors.
            for method in methods {
                #expect(method["params"] != nil && method["result"] != nil, "\(method["name"] ?? .null)")
            }
        }
    }
}
