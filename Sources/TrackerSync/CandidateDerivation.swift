import ATSCore
public import ATSSync
import ATSText
public import Foundation
import TrackerAPI

/// Builds a candidate's row from the stored rows of their applications.
///
/// Tracker has no candidate resource: a candidate is every application with the same normalised
/// e-mail (or one application without an e-mail). The contact details come from the most recent
/// application, since that is what the person last told the company; `created_at` is when they
/// first applied.
public struct CandidateDerivation: Sendable {
    /// The zone naive timestamps in the stored JSON are read in.
    public var accountTimeZone: TimeZone?

    /// Creates a derivation.
    public init(accountTimeZone: TimeZone?) {
        self.accountTimeZone = accountTimeZone
    }

    /// The candidate rows of some groups.
    /// - Parameter groups: Each candidate id with the live rows of their applications.
    /// - Returns: One row per candidate.
    /// - Throws: ``SyncError`` when a stored application is not a JSON object.
    public func records(_ groups: [String: [StoredRow]]) throws -> [SyncRecord] {
        // One cache of the account zone's offsets for the whole batch: without it every naive
        // timestamp asked the time zone database for its offset several times.
        var zoneOffsets = ZoneOffsetCache()
        var records: [SyncRecord] = []
        records.reserveCapacity(groups.count)
        for candidateID in groups.keys.sorted() {
            guard let rows = groups[candidateID], !rows.isEmpty else { continue }
            var applications: [StoredApplication] = []
            applications.reserveCapacity(rows.count)
            for row in rows { applications.append(try application(row, zoneOffsets: &zoneOffsets)) }
            records.append(try record(candidateID, applications: applications))
        }
        return records
    }

    private struct StoredApplication {
        var id: String
        var numericID: Int64
        var updatedAt: Date?
        var appliedAt: Date?
        /// The string members the derivation reads, by position in ``keys``.
        var fields: [String?]
    }

    /// What a candidate's typed columns are read from.
    struct CandidateRow {
        /// First name, last name, e-mail and phone, from the latest application that states each.
        var contacts: [String?]
        /// The JSON array of application ids, as in the stored JSON.
        var applicationIDs: String
        /// When the person first applied.
        var createdAt: Date?
    }

    /// The candidate's columns and how a derived candidate fills them, in table order.
    static let layout: RowLayout<CandidateRow> = {
        typealias Column = StreamSchema.CandidateColumns
        func contact(_ index: Int) -> @Sendable (CandidateRow) -> SyncValue {
            { $0.contacts[index].map(SyncValue.text) ?? .null }
        }
        return RowLayout(
            .candidates,
            [
                .init(Column.firstName, contact(0)),
                .init(Column.lastName, contact(1)),
                .init(Column.email, contact(2)),
                .init(Column.phone, contact(3)),
                .init(Column.applicationIDs) { .text($0.applicationIDs) },
                .init(Column.createdAt) { $0.createdAt.map(SyncValue.date) ?? .null },
            ])
    }()

    /// The members read from each stored application, in this order.
    private static let keys = StoredJSONFields.Keys([
        "applied_at", "created_at", "first_name", "last_name", "email", "phone",
    ])
    private static let appliedAt = 0
    private static let createdAt = 1
    /// The contact members, in the order of the candidate's columns.
    private static let contacts = 2...5

    private func application(_ row: StoredRow, zoneOffsets: inout ZoneOffsetCache) throws -> StoredApplication {
        let fields = try Self.strings(of: row)
        let applied = (fields[Self.appliedAt] ?? fields[Self.createdAt])
            .flatMap { TrackerTimestamp.parse($0, accountTimeZone: accountTimeZone, cache: &zoneOffsets)?.instant }
        return StoredApplication(
            id: row.id, numericID: Int64(row.id) ?? 0, updatedAt: row.updatedAt, appliedAt: applied, fields: fields)
    }

    /// The wanted string members of a stored application: read directly, or through the full
    /// parser when the quick reader cannot (see ``StoredJSONFields``).
    private static func strings(of row: StoredRow) throws -> [String?] {
        if let fields = StoredJSONFields.strings(in: row.raw, keys: keys) { return fields }
        guard let object = try? TrackerJSON.parse(Data(row.raw.utf8)).objectValue else {
            throw SyncError.unreadableStoredRow(stream: .applications, id: row.id)
        }
        return keys.names.map { object[$0]?.stringValue }
    }

    private func record(_ candidateID: String, applications: [StoredApplication]) throws -> SyncRecord {
        let byRecency = applications.sorted { lhs, rhs in
            let left = lhs.appliedAt ?? .distantPast
            let right = rhs.appliedAt ?? .distantPast
            return left == right ? lhs.numericID < rhs.numericID : left < right
        }
        guard let first = byRecency.first else {
            throw SyncError.unreadableStoredRow(stream: .applications, id: candidateID)
        }
        let ids = applications.sorted { ($0.numericID, $0.id) < ($1.numericID, $1.id) }.map(\.id)
        func contact(_ key: Int) -> String? {
            // The latest application that states it: an older one may have the phone a newer one left out.
            byRecency.reversed().lazy.compactMap { $0.fields[key] }.first { !$0.isEmpty }
        }
        let contacts = Self.contacts.map(contact)
        let createdAt = first.appliedAt
        let updatedAt = applications.compactMap(\.updatedAt).max()
        let json = Self.json(
            candidateID: candidateID, applicationIDs: ids, contacts: contacts, createdAt: createdAt,
            updatedAt: updatedAt)
        let row = CandidateRow(
            contacts: contacts, applicationIDs: String(decoding: json.bytes[json.applicationIDs], as: UTF8.self),
            createdAt: createdAt)
        return Self.layout.row(of: row, id: candidateID, updatedAt: updatedAt, raw: RawPayload(bytes: json.bytes))
    }

    /// What a candidate's stored JSON holds.
    private struct CandidateJSON {
        var candidateID: String
        var applicationIDs: [String]
        /// First name, last name, e-mail and phone.
        var contacts: [String?]
        var createdAt: Date?
        var updatedAt: Date?
    }

    /// One member of a candidate's stored JSON: its name and how its value is written.
    private struct JSONMember: Sendable {
        var name: String
        /// `"name":`, ready to append.
        var prefix: [UInt8]
        var write: @Sendable (inout CompactJSONText, CandidateJSON) -> Void

        init(_ name: String, _ write: @escaping @Sendable (inout CompactJSONText, CandidateJSON) -> Void) {
            self.name = name
            prefix = Array("\"\(name)\":".utf8)
            self.write = write
        }
    }

    /// The members of a candidate's stored JSON, written in the order of their names as
    /// TrackerAPI's writer sorts keys (absent values as `null`), which is what earlier versions
    /// stored: an unchanged candidate stays byte-for-byte unchanged (see `CandidateRowBytesTests`).
    private static let members: [JSONMember] = [
        JSONMember("id") { $0.append(string: $1.candidateID) },
        JSONMember("application_ids") { text, candidate in
            text.append("[")
            for (offset, id) in candidate.applicationIDs.enumerated() {
                if offset > 0 { text.append(",") }
                text.append(string: id)
            }
            text.append("]")
        },
        JSONMember("first_name") { $0.append(string: $1.contacts[0]) },
        JSONMember("last_name") { $0.append(string: $1.contacts[1]) },
        JSONMember("email") { $0.append(string: $1.contacts[2]) },
        JSONMember("phone") { $0.append(string: $1.contacts[3]) },
        JSONMember("created_at") { $0.append(string: $1.createdAt.map(utc)) },
        JSONMember("updated_at") { $0.append(string: $1.updatedAt.map(utc)) },
    ].sorted { $0.name < $1.name }

    /// The position of `application_ids` among ``members``: the column of that name holds the
    /// same text as the member's value.
    private static let applicationIDsMember = members.firstIndex { $0.name == "application_ids" } ?? -1

    /// The candidate's stored JSON, and where its `application_ids` array is in it.
    private static func json(
        candidateID: String, applicationIDs: [String], contacts: [String?], createdAt: Date?, updatedAt: Date?
    ) -> (bytes: [UInt8], applicationIDs: Range<Int>) {
        let candidate = CandidateJSON(
            candidateID: candidateID, applicationIDs: applicationIDs, contacts: contacts, createdAt: createdAt,
            updatedAt: updatedAt)
        var text = CompactJSONText(capacity: 160 + 12 * applicationIDs.count)
        var idsRange = 0..<0
        text.append("{")
        for (position, member) in members.enumerated() {
            if position > 0 { text.append(",") }
            text.append(bytes: member.prefix)
            let start = text.bytes.count
            member.write(&text, candidate)
            if position == applicationIDsMember { idsRange = start..<text.bytes.count }
        }
        text.append("}")
        return (text.bytes, idsRange)
    }

    /// The instant as `2024-03-10T12:00:00Z`: the text Foundation's `.iso8601` style writes, which
    /// earlier mirrors stored, written by hand because the format style cost more than the rest of
    /// building a candidate (checked against Foundation in the tests).
    static func utc(_ date: Date) -> String {
        UTCTimestampText.format(date, milliseconds: false) ?? date.formatted(.iso8601)
    }
}
