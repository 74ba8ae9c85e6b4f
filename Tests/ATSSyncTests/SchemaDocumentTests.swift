import ATSSync
import Foundation
import Testing

@Suite struct SchemaDocumentTests {
    /// docs/SCHEMA.md is generated; regenerate with `ATSKIT_WRITE_DOCS=1 swift test --filter SchemaDocumentTests`.
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
            "docs/SCHEMA.md is stale: run `ATSKIT_WRITE_DOCS=1 swift test --filter SchemaDocumentTests`")
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
