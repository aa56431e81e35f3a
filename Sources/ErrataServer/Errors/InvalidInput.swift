/// An input that does not fit an operation, named by the field it came from.
///
/// Thrown by ``InputMembers`` and the admin input checks; JSON-RPC answers it with `-32602`,
/// REST with a problem (see `JSONRPCErrorObject+Domain.swift` and `Problem+Domain.swift`).
package struct InvalidInput: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path of the offending input, such as `note` or `params.size`; `nil` for the input as a whole.
    package var field: String?
    /// What is wrong, in words, naming the input.
    package var detail: String

    package init(_ detail: String, field: String? = nil) {
        self.detail = detail
        self.field = field
    }

    package var description: String { detail }
}
