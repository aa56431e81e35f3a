import GRDB

/// The database schema, as an ordered list of migrations.
///
/// Migrations only ever get appended: a released migration is never edited.
enum CatalogMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        // MARK: - v1: entries, locales, revisions, texts and their change log

        migrator.registerMigration("v1") { db in
            try db.create(table: RevisionRecord.databaseTableName) { table in
                table.primaryKey("number", .integer)
                table.column("createdAt", .datetime).notNull()
                table.column("note", .text).notNull()
                table.column("author", .text)
            }
            try db.create(table: LocaleRecord.databaseTableName) { table in
                table.primaryKey("tag", .text)
                table.column("name", .text).notNull()
                table.column("position", .integer).notNull()
            }
            try db.create(table: EntryRecord.databaseTableName) { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("code", .text).notNull()
                // '' for an entry without variant, so that the UNIQUE constraint holds (NULLs never collide).
                table.column("variant", .text).notNull().defaults(to: "")
                table.column("position", .integer).notNull()
                table.column("httpStatus", .integer).notNull()
                table.column("serviceMessage", .text).notNull()
                table.column("category", .text).notNull()
                table.column("retry", .text).notNull()
                table.column("fault", .text).notNull()
                table.column("parameters", .jsonText).notNull()
                table.uniqueKey(["code", "variant"])
            }
            // The published text of each (entry, locale, field).
            try db.create(table: TextRecord.databaseTableName) { table in
                table.column("entryId", .integer).notNull().references(EntryRecord.databaseTableName, onDelete: .cascade)
                table.column("locale", .text).notNull().references(LocaleRecord.databaseTableName)
                table.column("field", .text).notNull()
                table.column("value", .text).notNull()
                table.column("state", .text).notNull().defaults(to: "translated")
                // The published revision that last changed this text.
                table.column("revision", .integer).notNull().references(RevisionRecord.databaseTableName)
                table.primaryKey(["entryId", "locale", "field"])
            }
            // One row per published change of a text; revision 1 records the import.
            try db.create(table: TextChangeRecord.databaseTableName) { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("revision", .integer).notNull().indexed().references(RevisionRecord.databaseTableName)
                table.column("entryId", .integer).notNull().references(EntryRecord.databaseTableName, onDelete: .cascade)
                table.column("locale", .text).notNull()
                table.column("field", .text).notNull()
                table.column("oldValue", .text)
                table.column("newValue", .text).notNull()
            }
        }

        // MARK: - v2: tokens, the shared draft, and store settings

        migrator.registerMigration("v2") { db in
            try db.create(table: TokenRecord.databaseTableName) { table in
                table.primaryKey("name", .text)
                table.column("scope", .text).notNull()
                // SHA-256 of the token; the token itself is never stored.
                table.column("digest", .blob).notNull().unique()
                table.column("createdAt", .datetime).notNull()
                table.column("lastUsedAt", .datetime)
            }
            try db.create(table: DraftTextRecord.databaseTableName) { table in
                table.column("entryId", .integer).notNull().references(EntryRecord.databaseTableName, onDelete: .cascade)
                table.column("locale", .text).notNull().references(LocaleRecord.databaseTableName)
                table.column("field", .text).notNull()
                table.column("value", .text).notNull()
                table.column("state", .text).notNull()
                table.column("draftRevision", .integer).notNull()
                table.column("author", .text)
                table.column("updatedAt", .datetime).notNull()
                table.primaryKey(["entryId", "locale", "field"])
            }
            try db.create(table: "setting") { table in
                table.primaryKey("name", .text)
                table.column("value", .integer).notNull()
            }
            try db.create(index: "textChange_on_key", on: TextChangeRecord.databaseTableName, columns: ["entryId", "locale", "field", "revision"])
        }

        // MARK: - v3: find the texts needing review without reading every text

        migrator.registerMigration("v3") { db in
            try db.execute(sql: "CREATE INDEX text_needing_review ON text(state) WHERE state != 'translated'")
        }

        // MARK: - v4: history records review states

        migrator.registerMigration("v4") { db in
            // The review state each change left its text in; a change can be of the state alone.
            // Rows written before v4 recorded none and read as `translated`, which is what a revert wrote then.
            try db.alter(table: TextChangeRecord.databaseTableName) { table in
                table.add(column: "state", .text).notNull().defaults(to: "translated")
            }
            // Loading the catalog looks for the changes of a state alone without reading the whole log.
            try db.execute(sql: "CREATE INDEX textChange_stateOnly ON textChange(revision) WHERE oldValue IS newValue")
            // Review states changed before v4 are in no change row, so the delta feed cannot report them:
            // it starts at the revision current now, and older clients fetch the whole catalog once.
            try db.execute(
                sql: "INSERT INTO setting (name, value) SELECT ?, number FROM revision ORDER BY number DESC LIMIT 1",
                arguments: [Setting.reviewStatesRecordedAfter.rawValue]
            )
            // The states texts are in now, recorded at the revision current now, so a revert to it
            // restores them (the revision an upgraded database is most likely reverted to).
            try db.execute(sql: """
                INSERT INTO textChange (revision, entryId, locale, field, oldValue, newValue, state)
                SELECT (SELECT MAX(number) FROM revision), entryId, locale, field, value, value, state
                FROM text WHERE state != 'translated' AND EXISTS (SELECT 1 FROM revision)
                """)
        }

        // MARK: - v5: the catalog's source language

        migrator.registerMigration("v5") { db in
            try db.alter(table: LocaleRecord.databaseTableName) { table in
                table.add(column: "isSource", .boolean).notNull().defaults(to: false)
            }
            // Before v5 the store took English as the source language of every catalog.
            try db.execute(sql: "UPDATE locale SET isSource = 1 WHERE tag = 'en'")
        }

        // MARK: - v6: notes for translators

        migrator.registerMigration("v6") { db in
            // Catalog metadata like `parameters`, not texts: changed by an import, never drafted or published.
            try db.alter(table: EntryRecord.databaseTableName) { table in
                // The translator comment of each field's text: `{"message": "…", "remediation": "…"}`.
                table.add(column: "comments", .jsonText).notNull().defaults(to: "{}")
                // What each placeholder means and its unit, by placeholder name.
                table.add(column: "parameterNotes", .jsonText).notNull().defaults(to: "{}")
            }
        }

        // MARK: - v7: retry policies

        migrator.registerMigration("v7") { db in
            // Catalog metadata like `parameters`: written with the catalog's first revision, never edited.
            try db.alter(table: EntryRecord.databaseTableName) { table in
                // The entry's own retry policy as a JSON object, `NULL` for the catalog's.
                table.add(column: "retryPolicy", .jsonText)
            }
            // The catalog's retry policy of each retry class it sets one for; a database upgraded to v7
            // has none and serves the standard policies, which are what its catalog.json meant.
            try db.create(table: RetryPolicyRecord.databaseTableName) { table in
                table.primaryKey("retryClass", .text)
                table.column("baseDelayMs", .integer).notNull()
                table.column("maxDelayMs", .integer).notNull()
                table.column("maxAttempts", .integer).notNull()
                table.column("honorRetryAfter", .boolean).notNull()
            }
        }

        // MARK: - v8: the glossary

        migrator.registerMigration("v8") { db in
            // `Localizations/glossary.json` as imported, byte for byte, so an export writes it back unchanged.
            // Catalog metadata like the notes: replaced by an import, never drafted or published. No row: no glossary.
            try db.create(table: "glossary") { table in
                table.primaryKey("singleton", .integer).check { $0 == 1 }
                table.column("document", .blob).notNull()
            }
        }

        // MARK: - v9: origins and aliases

        migrator.registerMigration("v9") { db in
            // Entry facts like `httpStatus`: written with the catalog's first revision, never edited.
            try db.alter(table: EntryRecord.databaseTableName) { table in
                // `service`, `s3` or `generic` (`EntryOrigin`); a database older than v9 holds the service's codes…
                table.add(column: "origin", .text).notNull().defaults(to: "service")
                // Other spellings of the entry's code, as a JSON array of strings.
                table.add(column: "aliases", .jsonText).notNull().defaults(to: "[]")
            }
            // …and the generic answers, which were there since v1. (Literals: a migration must not change with the model.)
            try db.execute(sql: "UPDATE entry SET origin = 'generic' WHERE code = 'UnrecognizedError'")
        }
        return migrator
    }
}
