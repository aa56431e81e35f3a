import ArgumentParser
public import ErrataStore
import Foundation
import Logging

extension ErrataServerCommand {
    /// `errata-server token`: API tokens for editors and admins.
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create, list and revoke API tokens.",
            subcommands: [Create.self, List.self, Revoke.self]
        )

        /// `errata-server token create --name NAME --scope SCOPE`.
        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Create a token and print it once; only its SHA-256 digest is stored."
            )

            @Option(help: "A unique name for the token, such as the editor's name.")
            var name: String

            @Option(help: "What the token may do: read, edit, publish or admin.")
            var scope: TokenScope

            @OptionGroup var store: StoreOptions

            func run() async throws {
                let settings = try await store.settings()
                let logger = settings.makeLogger(label: "errata-server")
                let catalogStore = try settings.openStore(logger: logger)
                do {
                    print(try await catalogStore.createToken(name: name, scope: scope))
                } catch let error as TokenError {
                    throw CommandFailure(message: error.description)
                }
                logger.notice("Created token", metadata: ["audit.token": .string(name), "audit.scope": .string(scope.rawValue)])
            }
        }

        /// `errata-server token list`.
        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List tokens: name, scope, created, last used (never the token).")

            @OptionGroup var store: StoreOptions

            func run() async throws {
                let settings = try await store.settings()
                let catalogStore = try settings.openStore(logger: settings.makeLogger(label: "errata-server"))
                let formatter = ISO8601DateFormatter()
                print(["NAME", "SCOPE", "CREATED", "LAST USED"].joined(separator: "\t"))
                for token in try await catalogStore.tokens() {
                    let lastUsed = token.lastUsedAt.map { formatter.string(from: $0) } ?? "never"
                    print([token.name, token.scope.rawValue, formatter.string(from: token.createdAt), lastUsed].joined(separator: "\t"))
                }
            }
        }

        /// `errata-server token revoke NAME`.
        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Delete a token; requests using it fail from then on.")

            @Argument(help: "The token's name.")
            var name: String

            @OptionGroup var store: StoreOptions

            func run() async throws {
                let settings = try await store.settings()
                let logger = settings.makeLogger(label: "errata-server")
                let catalogStore = try settings.openStore(logger: logger)
                let scope = try await catalogStore.tokens().first { $0.name == name }?.scope
                guard let scope, try await catalogStore.revokeToken(name: name) else {
                    throw CommandFailure(message: "no token is named '\(name)'")
                }
                logger.notice("Revoked token", metadata: ["audit.token": .string(name), "audit.scope": .string(scope.rawValue)])
                print("revoked \(name)")
            }
        }
    }
}

extension TokenScope: ExpressibleByArgument {}
