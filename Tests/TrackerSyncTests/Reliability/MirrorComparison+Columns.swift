import ATSSync
import Foundation
import TrackerSandbox

/// What each typed column of the mirror must hold for a record of the sandbox's ground truth,
/// written from the sandbox's own models (never from the client's mapping), and the comparison.
extension MirrorComparison {
    typealias Cell = MirrorColumns.Cell
    typealias JSONValue = MirrorColumns.JSONValue

    /// An expected cell: a value, or a test of the stored one (custom fields, ambiguous times).
    enum Expected {
        case exactly(Cell)
        case date(Date)
        case customFields([String: SandboxJSON], schema: [SandboxCustomField])
    }

    static func text(_ value: String?) -> Expected { .exactly(value.map(Cell.text) ?? .null) }
    static func id(_ value: Int) -> Expected { .exactly(.text(String(value))) }

    static func expectedColumns(_ application: SandboxApplication, schema: [SandboxCustomField]) -> [String: Expected] {
        [
            "job_id": id(application.jobID), "first_name": text(application.firstName),
            "last_name": text(application.lastName), "email": text(application.email), "phone": text(application.phone),
            "stage": text(application.status), "is_archived": .exactly(.bool(application.archived)),
            "source": text(application.source),
            "tags": .exactly(.json(.array(application.tags.map { .string(Array($0.unicodeScalars)) }))),
            "rating": .exactly(application.rating.map { .number(Double($0)) } ?? .null),
            "custom_fields": .customFields(application.customFields, schema: schema),
            "applied_at": .date(application.appliedAt), "created_at": .date(application.createdAt),
        ]
    }

    static func expectedColumns(_ job: SandboxJob, schema: [SandboxCustomField]) -> [String: Expected] {
        [
            "title": text(job.title), "status": text(job.archived ? "archived" : (job.active ? "open" : "closed")),
            "is_hidden": .exactly(.bool(job.hidden)), "category": text(job.category), "code": text(job.jobCode),
            "city": text(job.city), "state": text(job.state), "country": text(job.country),
            "is_remote": .exactly(.bool(job.remote)), "url": text(job.url),
            "custom_fields": .customFields(job.customFields, schema: schema), "created_at": .date(job.createdAt),
        ]
    }

    static func expectedColumns(_ note: SandboxNote) -> [String: Expected] {
        [
            "application_id": id(note.applicationID), "job_id": id(note.jobID), "author": text(note.author),
            "body": text(note.body), "created_at": .date(note.createdAt),
        ]
    }

    /// A file's metadata; `size` is the length of the file's content as the sandbox holds it.
    static func expectedColumns(_ file: SandboxFile) -> [String: Expected] {
        [
            "application_id": id(file.applicationID), "filename": text(file.filename), "kind": text(file.kind),
            "content_type": text(file.contentType), "size": .exactly(.number(Double(file.content.count))),
            "created_at": .date(file.createdAt),
        ]
    }

    /// Counts the columns compared and returns those of `stored` that differ from `expected`, described.
    mutating func columns(
        _ stored: [String: Cell], _ expected: [String: Expected], sameTime: (Date?, Date) -> Bool
    ) -> [String] {
        columnsCompared += expected.count
        return Self.differingColumns(stored, expected, sameTime: sameTime)
    }

    /// The columns of `stored` that differ from `expected`, described.
    static func differingColumns(
        _ stored: [String: Cell], _ expected: [String: Expected], sameTime: (Date?, Date) -> Bool
    ) -> [String] {
        var wrong: [String] = []
        for (name, expectation) in expected.sorted(by: { $0.key < $1.key }) {
            let cell = stored[name] ?? .null
            let matches: Bool
            switch expectation {
            case .exactly(let value): matches = cell == value
            case .date(let date):
                if case .date(let storedDate) = cell { matches = sameTime(storedDate, date) } else { matches = false }
            case .customFields(let values, let schema): matches = customFieldsMatch(cell, values, schema: schema)
            }
            if !matches { wrong.append("\(name) \(cell)") }
        }
        return wrong
    }

    /// The schema's fields hold the record's values (or null, or the field's default, when the
    /// record has none), and no field outside the schema and the record appears.
    static func customFieldsMatch(_ cell: Cell, _ values: [String: SandboxJSON], schema: [SandboxCustomField]) -> Bool {
        guard case .json(.object(let stored)) = cell else { return false }
        let known = Set(schema.map(\.fieldName)).union(values.keys)
        guard Set(stored.keys).isSubset(of: known) else { return false }
        for field in schema {
            let value = stored[field.fieldName] ?? .null
            if let truth = values[field.fieldName] {
                guard value == JSONValue(truth) else { return false }
            } else {
                guard value == .null || field.defaultValue.map({ value == JSONValue($0) }) == true else { return false }
            }
        }
        for (name, truth) in values where stored[name] != nil && stored[name] != JSONValue(truth) { return false }
        return true
    }
}
