package import Foundation

/// The one JSON encoding Errata writes: sorted keys, unescaped slashes, ISO 8601 dates.
///
/// Sorted keys make a body byte-identical across processes and restarts, as strong entity
/// tags promise and as tests comparing bodies expect.
package enum CanonicalJSON {
    /// Encodes a value that holds only strings, integers, booleans, arrays and objects.
    package static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return try encoder.encode(value)
        } catch {
            // Errata's wire types hold no floating-point values, so encoding cannot fail.
            preconditionFailure("encoding \(type(of: value)) failed: \(error)")
        }
    }
}
