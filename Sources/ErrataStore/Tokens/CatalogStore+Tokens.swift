import Crypto
package import Foundation
import GRDB

extension CatalogStore {
    /// Creates a token and returns it; only its SHA-256 digest is stored, so it cannot be shown again.
    ///
    /// - Parameters:
    ///   - name: A unique name, 1–64 characters of letters, digits, `-`, `_` and `.`.
    ///   - scope: What the token may do.
    /// - Returns: The token: `errata_` followed by 256 random bits in base64url.
    /// - Throws: ``TokenError`` for a malformed or taken name.
    package func createToken(name: String, scope: TokenScope) async throws -> String {
        guard (1...64).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
            throw TokenError.malformedName(name)
        }
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let token = "errata_" + secret.base64URLEncoded
        let record = TokenRecord(name: name, scope: scope.rawValue, digest: Self.digest(of: token), createdAt: Date(), lastUsedAt: nil)
        try await pool.write { db in
            guard try TokenRecord.fetchOne(db, key: name) == nil else { throw TokenError.nameTaken(name) }
            try record.insert(db)
        }
        return token
    }

    /// The tokens, by name.
    package func tokens() async throws -> [TokenInfo] {
        try await pool.read { db in
            try TokenRecord.order(Column("name")).fetchAll(db).map(\.info)
        }
    }

    /// Deletes a token.
    ///
    /// - Returns: Whether a token of that name existed.
    @discardableResult
    package func revokeToken(name: String) async throws -> Bool {
        try await pool.write { db in try TokenRecord.deleteOne(db, key: name) }
    }

    /// Every stored token with its digest, for authenticating without reading the database each time.
    package func tokenDirectory() async throws -> TokenDirectory {
        try await pool.read { db in
            TokenDirectory(tokens: try TokenRecord.fetchAll(db).map { ($0.info, $0.digest) })
        }
    }

    /// Records when tokens were last used; a time older than the one stored is ignored.
    ///
    /// - Parameter uses: The time of each token's latest use, by token name.
    package func recordTokenUse(_ uses: [String: Date]) async throws {
        guard !uses.isEmpty else { return }
        try await pool.write { db in
            for (name, date) in uses {
                try db.execute(
                    sql: "UPDATE token SET lastUsedAt = ? WHERE name = ? AND (lastUsedAt IS NULL OR lastUsedAt < ?)",
                    arguments: [date, name, date]
                )
            }
        }
    }

    static func digest(of token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }
}


extension TokenRecord {
    var info: TokenInfo {
        TokenInfo(name: name, scope: TokenScope(rawValue: scope) ?? .read, createdAt: createdAt, lastUsedAt: lastUsedAt)
    }
}

extension Data {
    /// Base64url without padding (RFC 4648 §5), safe in headers and URLs.
    var base64URLEncoded: String {
        base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
