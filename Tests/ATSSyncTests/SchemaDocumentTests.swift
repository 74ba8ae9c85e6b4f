import ATSSync
import Foundation
import GRDB
import Testing

@testable import ATSSyncSQLite

@Suite struct SchemaDocumentTests {
    /// docs/SCHEMA.md is generated from StreamSchema, which describes the tables the migrations build.
    /// When it differs, the tables changed: that takes a new migration (a shipped one never changes),
    /// and then the document is regenerated with `ATSKIT_WRITE_DOCS=1 swift test --filter SchemaDocumentTests`.
    @Test func theCheckedInSchemaDocumentMatchesTheCode() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/SCHEMA.md")
        let generated = StreamSchema.markdownDocument()
        if ProcessInfo.processInfo.environment["ATSKIT_WRITE_DOCS"] == "1" {
            try generated.write(to: path, atomically: true, encoding: .utf8)
        }
        let document = try String(contentsOf: path, encoding: .utf8)
        #expect(
            document == generated,
            """
            StreamSchema no longer matches docs/SCHEMA.md: the mirror's tables changed. Add a migration for the \
            change (a new entry at the end of SQLiteMigrations.all and PostgresMigrations.all, with literal SQL; \
            never edit a shipped migration, or mirrors made by earlier releases never get the change), check it \
            with `swift test --filter MirrorUpgradeTests`, then regenerate the document with \
            `ATSKIT_WRITE_DOCS=1 swift test --filter SchemaDocumentTests`.
            """)
    }

    /// Every table the migrations build (such as `accounts`, which records each account's provider)
    /// has its own section, so that a migration adding a table cannot leave it undocumented.
    @Test func everyTableOfANewMirrorIsDocumented() async throws {
        let store = try SQLiteSyncStore()
        try await store.prepare()
        let tables = try await store.writer.read { db in
            try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
                    + "AND name <> 'grdb_migrations' ORDER BY name")
        }
        #expect(tables.contains("accounts"))
        let document = StreamSchema.markdownDocument()
        for table in tables {
            #expect(
                document.contains("## `\(table)`"),
                "docs/SCHEMA.md has no section for the table \(table): describe it in StreamSchema+Document.swift")
        }
    }

    @Test func everyStreamHasItsOwnTableAndTheCommonColumns() {
        let document = StreamSchema.markdownDocument()
        for schema in StreamSchema.all {
            #expect(document.contains("## `\(schema.table)`"))
        }
        for column in ["account", "id", "updated_at", "raw", "deleted_at"] {
            #expect(StreamSchema.commonColumns.contains { $0.name == column })
        }
    }
}
