import ErrataCore

/// A failure reported as one line on stderr with its own exit status.
struct CommandFailure: Error {
    var message: String
    /// 1 when the command ran but failed (unknown code, failed sync), 2 for a usage error.
    var status: Int32

    init(_ message: String, status: Int32) {
        self.message = message
        self.status = status
    }

    /// An unknown code or variant: exit status 1, with the catalog's "did you mean" suggestions.
    ///
    /// - Parameters:
    ///   - lookup: What the catalog did not find.
    ///   - strings: The words of the language the command explains in.
    init(_ lookup: CatalogLookupError, strings: CLIStrings) {
        let message =
            switch lookup {
            case .unknownCode(let code, let suggestions) where suggestions.isEmpty:
                strings("unknown error code '%@'", code)
            case .unknownCode(let code, let suggestions):
                strings("unknown error code '%1$@'; did you mean %2$@?", code, Self.list(suggestions.map(\.rawValue)))
            case .unknownVariant(let code, let variant, let available) where available.isEmpty:
                strings("error code '%1$@' has no variant '%2$@'; it has none", code, variant)
            case .unknownVariant(let code, let variant, let available):
                strings("error code '%1$@' has no variant '%2$@'; it has %3$@", code, variant, Self.list(available.map(\.rawValue)))
            case .unknownParameter, .parameterNotANumber:
                // errata passes no parameters, so the catalog's own (English) words are enough.
                lookup.description
            }
        self.init(message, status: 1)
    }

    /// Codes or variants as one argument: identifiers, listed the same way in every language.
    private static func list(_ names: [String]) -> String {
        names.joined(separator: ", ")
    }
}
