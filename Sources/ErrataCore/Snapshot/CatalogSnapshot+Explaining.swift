extension CatalogSnapshot {
    /// The entry whose service message matches what a storage response carried.
    ///
    /// A code with several variants (such as `BucketNotEmpty`) picks the variant whose service message
    /// equals `serviceMessage`, compared ignoring case, surrounding whitespace, runs of spaces and final
    /// periods; S3's "The bucket you tried to delete is not empty" picks `BucketNotEmpty.objects`.
    /// When no variant's message matches, or no message is given, the code's first variant in catalog
    /// order answers: the code's most general meaning.
    /// - Parameters:
    ///   - code: The code as the response spelled it, or one of its aliases.
    ///   - serviceMessage: The response's own message.
    /// - Throws: ``CatalogLookupError/unknownCode(_:suggestions:)`` for an unknown code.
    public func matchEntry(code: ErrorCode, serviceMessage: String?) throws(CatalogLookupError) -> CatalogEntry {
        let first = try entry(code: code, variant: nil)
        guard let serviceMessage, let all = entries(named: code), all.count > 1 else { return first }
        let wanted = Self.normalizedMessage(serviceMessage)
        return all.first { Self.normalizedMessage($0.serviceMessage) == wanted } ?? first
    }

    /// The entry that explains a storage error response: the one its code (or alias) and message match,
    /// else the generic entry for its HTTP status class (see ``GenericAnswer``).
    ///
    /// - Parameters:
    ///   - code: The response's error code; `nil` when it carried none.
    ///   - serviceMessage: The response's own message, which picks among a code's variants.
    ///   - httpStatus: The response's status, which picks the generic entry for an unknown code.
    public func explainingEntry(code: ErrorCode?, serviceMessage: String?, httpStatus: Int?) -> ExplainingEntry {
        if let code, let entry = try? matchEntry(code: code, serviceMessage: serviceMessage) {
            return ExplainingEntry(entry: entry, known: true, suggestions: [])
        }
        let generic = GenericAnswer.variants(forStatus: httpStatus).lazy.compactMap {
            try? self.entry(code: GenericAnswer.code, variant: $0)
        }.first
        let near = code.map { suggestions(for: $0.rawValue) } ?? []
        return ExplainingEntry(entry: generic, known: false, suggestions: near)
    }

    private static func normalizedMessage(_ message: String) -> String {
        var words = message.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while words.hasSuffix(".") { words.removeLast() }
        return words
    }
}

/// The entry chosen to explain a storage error response (see ``CatalogSnapshot/explainingEntry(code:serviceMessage:httpStatus:)``).
public struct ExplainingEntry: Hashable, Sendable {
    /// The entry that explains the response; `nil` only when the code is unknown and the catalog has no
    /// generic entry for its status class.
    public var entry: CatalogEntry?
    /// Whether the code (or an alias of it) is the catalog's: `false` means `entry` is a generic answer.
    public var known: Bool
    /// For an unknown code, the known codes and aliases closest to it, closest first.
    public var suggestions: [ErrorCode]
}
