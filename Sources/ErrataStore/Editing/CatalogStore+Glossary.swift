package import ErrataCore
import Foundation
import GRDB

extension CatalogStore {
    /// The glossary the last import stored, `nil` when it had none.
    ///
    /// - Throws: A database error, or ``StoreError/corrupt(_:)`` if the stored document no longer reads.
    package func glossary() async throws -> Glossary? {
        guard let document = try await pool.read({ db in try Self.glossaryDocument(db) }) else { return nil }
        do {
            return try Glossary(document: document)
        } catch {
            throw StoreError.corrupt("the stored glossary: \(error.description)")
        }
    }

    static func glossaryDocument(_ db: Database) throws -> Data? {
        try Data.fetchOne(db, sql: "SELECT document FROM glossary")
    }

    /// Stores `glossary` in place of the stored one (`nil`: none); returns whether that changed anything.
    static func replaceGlossary(with glossary: Glossary?, db: Database) throws -> Bool {
        guard try glossaryDocument(db) != glossary?.document else { return false }
        try db.execute(sql: "DELETE FROM glossary")
        if let glossary {
            try db.execute(sql: "INSERT INTO glossary (singleton, document) VALUES (1, ?)", arguments: [glossary.document])
        }
        return true
    }
}
