import ErrataCore
import Foundation
import GRDB

// MARK: - RevisionRecord

/// A row of `revision`: one published catalog revision.
struct RevisionRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "revision"

    var number: Int
    var createdAt: Date
    var note: String
    var author: String?
}

// MARK: - LocaleRecord

/// A row of `locale`: a locale the catalog is written in.
struct LocaleRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "locale"

    var tag: String
    var name: String
    var position: Int
    /// Whether this is the catalog's source language, which every other locale is translated from.
    var isSource: Bool

    /// The catalog's locales, in catalog order.
    static func catalogLocales(_ db: Database) throws -> [LocaleInfo] {
        try order(Column("position")).fetchAll(db).map { record in
            LocaleInfo(tag: try LanguageTag.stored(record.tag), name: record.name)
        }
    }
}

// MARK: - EntryRecord

/// A row of `entry`: the language-independent data of one (code, variant).
struct EntryRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "entry"

    var id: Int64?
    var code: String
    var variant: String
    var position: Int
    var httpStatus: Int
    var serviceMessage: String
    var category: String
    var retry: String
    var fault: String
    var parameters: String
    /// The translator comment of each field's text, as a JSON object by field name (schema v6).
    var comments: String
    /// What each placeholder means and its unit, as a JSON object by placeholder name (schema v6).
    var parameterNotes: String
    /// The entry's own retry policy as a JSON object, `nil` for the catalog's (schema v7).
    var retryPolicy: String?
    /// Where the code comes from, an `EntryOrigin` (schema v9).
    var origin: String
    /// Other spellings of the code, as a JSON array (schema v9).
    var aliases: String

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(_ entry: CatalogEntry, position: Int) throws {
        self.id = nil
        self.code = entry.code.rawValue
        self.variant = entry.variant?.rawValue ?? ""
        self.position = position
        self.httpStatus = entry.httpStatus
        self.serviceMessage = entry.serviceMessage
        self.category = entry.category.rawValue
        self.retry = entry.retry.rawValue
        self.fault = entry.fault.rawValue
        self.parameters = try Self.json(entry.parameters)
        (self.comments, self.parameterNotes) = try Self.notesColumns(of: entry)
        self.retryPolicy = try entry.retryPolicy.map { String(decoding: try JSONEncoder.sorted.encode($0), as: UTF8.self) }
        self.origin = entry.origin.rawValue
        self.aliases = String(decoding: try JSONEncoder.sorted.encode(entry.aliases), as: UTF8.self)
    }

    /// The values of the `comments` and `parameterNotes` columns for an entry's notes for translators.
    static func notesColumns(of entry: CatalogEntry) throws -> (comments: String, parameterNotes: String) {
        (try json(Dictionary(uniqueKeysWithValues: entry.comments.map { ($0.key.rawValue, $0.value) })), try json(entry.parameterNotes))
    }

    private static func json(_ object: [String: String]) throws -> String {
        String(decoding: try JSONEncoder.sorted.encode(object), as: UTF8.self)
    }

    var key: EntryKey {
        EntryKey(storedCode: code, variant: variant)
    }

    /// The entry as the model knows it.
    /// - Throws: ``StoreError`` when a stored value is not one the model knows.
    func catalogEntry() throws -> CatalogEntry {
        guard let retry = RetryClass(rawValue: retry), let fault = Fault(rawValue: fault), let origin = EntryOrigin(rawValue: origin) else {
            throw StoreError.corrupt("entry \(key) has retry '\(retry)', fault '\(fault)' and origin '\(origin)'")
        }
        let decoder = JSONDecoder()
        var comments: [TextField: String] = [:]
        for (name, comment) in try decoder.decode([String: String].self, from: Data(self.comments.utf8)) {
            guard let field = TextField(rawValue: name) else { throw StoreError.corrupt("entry \(key) has a comment for field '\(name)'") }
            comments[field] = comment
        }
        return CatalogEntry(
            key: key, httpStatus: httpStatus, serviceMessage: serviceMessage, category: ErrorCategory(category),
            retry: retry, fault: fault, parameters: try decoder.decode([String: String].self, from: Data(parameters.utf8)),
            parameterNotes: try decoder.decode([String: String].self, from: Data(parameterNotes.utf8)), comments: comments,
            retryPolicy: try retryPolicy.map { try decoder.decode(RetryPolicy.self, from: Data($0.utf8)) },
            origin: origin,
            aliases: try decoder.decode([ErrorCode].self, from: Data(aliases.utf8))
        )
    }
}

extension EntryKey {
    /// The key of an entry as stored: `variant` is '' for an entry without one (see the `entry` table).
    init(storedCode code: String, variant: String) {
        self.init(code: ErrorCode(code), variant: variant.isEmpty ? nil : VariantName(variant))
    }
}

extension LanguageTag {
    /// A locale tag as stored.
    ///
    /// - Throws: ``StoreError`` when the stored value is not a well-formed tag.
    static func stored(_ tag: String) throws -> LanguageTag {
        guard let tag = LanguageTag(rawValue: tag) else { throw StoreError.corrupt("locale '\(tag)' is not a well-formed language tag") }
        return tag
    }
}

// MARK: - RetryPolicyRecord

/// A row of `retryPolicy`: the catalog's retry policy for one retry class (schema v7).
struct RetryPolicyRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "retryPolicy"

    var retryClass: String
    var baseDelayMs: Int
    var maxDelayMs: Int
    var maxAttempts: Int
    var honorRetryAfter: Bool

    init(_ policy: RetryPolicy, for retry: RetryClass) {
        self.retryClass = retry.rawValue
        self.baseDelayMs = policy.baseDelayMs
        self.maxDelayMs = policy.maxDelayMs
        self.maxAttempts = policy.maxAttempts
        self.honorRetryAfter = policy.honorRetryAfter
    }

    /// The policies stored, by class.
    /// - Throws: ``StoreError`` for a row of a class the model does not know.
    static func catalogPolicies(_ db: Database) throws -> RetryPolicies {
        var policies = RetryPolicies()
        for record in try fetchAll(db) {
            guard let retry = RetryClass(rawValue: record.retryClass), retry != .never else {
                throw StoreError.corrupt("retry policy of class '\(record.retryClass)'")
            }
            policies[retry] = RetryPolicy(
                baseDelayMs: record.baseDelayMs, maxDelayMs: record.maxDelayMs,
                maxAttempts: record.maxAttempts, honorRetryAfter: record.honorRetryAfter
            )
        }
        return policies
    }

    /// Stores a catalog's policies in an empty table.
    static func insert(_ policies: RetryPolicies, _ db: Database) throws {
        for retry in RetryClass.allCases {
            guard let policy = policies[retry] else { continue }
            try RetryPolicyRecord(policy, for: retry).insert(db)
        }
    }
}

// MARK: - TextRecord

/// A row of `text`: the published text of one (entry, locale, field).
struct TextRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "text"

    var entryId: Int64
    var locale: String
    var field: String
    var value: String
    var state: String
    var revision: Int
}

// MARK: - TextChangeRecord

/// A row of `textChange`: one published change of a text's value or review state, or both.
struct TextChangeRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "textChange"

    var id: Int64?
    var revision: Int
    var entryId: Int64
    var locale: String
    var field: String
    var oldValue: String?
    var newValue: String
    /// The review state the change left the text in.
    var state: String
}

extension JSONEncoder {
    /// An encoder with stable output, for values stored as JSON text.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}

// MARK: - TokenRecord

/// A row of `token`: an API token's name, scope and SHA-256 digest.
struct TokenRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "token"

    var name: String
    var scope: String
    var digest: Data
    var createdAt: Date
    var lastUsedAt: Date?
}

// MARK: - DraftTextRecord

/// A row of `draftText`: a pending edit of one text in the shared draft.
struct DraftTextRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "draftText"

    var entryId: Int64
    var locale: String
    var field: String
    var value: String
    var state: String
    /// Identifies this edit for optimistic concurrency; see ``DraftVersion``.
    var draftRevision: Int
    var author: String?
    var updatedAt: Date
}
