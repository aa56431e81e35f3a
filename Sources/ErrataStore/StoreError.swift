/// A failure of the catalog store that is not a plain SQLite error.
package struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case corrupt(String)
        case notEmpty
        case invalidCatalog([String])
        case languageMismatch(String)
    }

    private let kind: Kind

    /// The database holds a value the model cannot read.
    static func corrupt(_ detail: String) -> Self { .init(kind: .corrupt(detail)) }
    /// An initial import into a database that already has a catalog.
    static let notEmpty = Self(kind: .notEmpty)
    /// A catalog that fails validation; the problems are listed.
    static func invalidCatalog(_ problems: [String]) -> Self { .init(kind: .invalidCatalog(problems)) }
    /// Translations whose languages are not the catalog's source language and one of its other locales.
    static func languageMismatch(_ detail: String) -> Self { .init(kind: .languageMismatch(detail)) }

    package var description: String {
        switch kind {
        case .corrupt(let detail): "the database is inconsistent: \(detail)"
        case .notEmpty: "the database already holds a catalog"
        case .invalidCatalog(let problems):
            "the catalog is invalid (\(problems.count) problem\(problems.count == 1 ? "" : "s")): "
                + problems.prefix(5).joined(separator: "; ") + (problems.count > 5 ? "; …" : "")
        case .languageMismatch(let detail): detail
        }
    }
}
