/// A reason the server cannot start, phrased for the operator.
package struct ServerStartupError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case emptyDatabase
    }

    private let kind: Kind

    /// The database holds no published catalog to serve.
    package static let emptyDatabase = Self(kind: .emptyDatabase)

    package var description: String {
        switch kind {
        case .emptyDatabase: "the database holds no published catalog; import Localizations/ first"
        }
    }
}
