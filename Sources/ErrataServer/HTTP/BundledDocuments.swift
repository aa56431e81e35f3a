import Foundation

/// The contracts bundled into the module; the repository's top-level `openapi.yaml` links to the first.
enum OpenAPIDocument {
    static let data = bundledResource("openapi", withExtension: "yaml")
}

/// The OpenRPC document `rpc.discover` answers with.
enum OpenRPCDocument {
    static let data = bundledResource("openrpc", withExtension: "json")
}

private func bundledResource(_ name: String, withExtension fileExtension: String) -> Data {
    guard let url = Bundle.module.url(forResource: name, withExtension: fileExtension), let data = try? Data(contentsOf: url) else {
        preconditionFailure("\(name).\(fileExtension) is missing from the ErrataServer resource bundle")
    }
    return data
}
