// H, the framework ceiling: one Hummingbird route answering a constant string.
// usage: hummingbird-ceiling [port]   (listens on 127.0.0.1)
import Foundation
import Hummingbird

let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 8091
let router = Router()
router.get("/") { _, _ in "Hello, world!" }
router.get("/v1/errors/:code") { _, _ in "Hello, world!" }
let app = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "ceiling")
)
try await app.runService()
