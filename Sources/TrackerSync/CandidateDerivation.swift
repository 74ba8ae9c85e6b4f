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

    /// The candidate row's column names, in the order its values are listed.
    private static let columnNames = ["first_name", "last_name", "email", "phone", "application_ids", "created_at"]

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
        return SyncRecord(
            id: candidateID,
            updatedAt: updatedAt,
            fields: SyncFields(
                names: Self.columnNames,
                values: [
                    contacts[0].map(SyncValue.text) ?? .null,
                    contacts[1].map(SyncValue.text) ?? .null,
                    contacts[2].map(SyncValue.text) ?? .null,
                    contacts[3].map(SyncValue.text) ?? .null,
                    .text(String(decoding: json.bytes[json.applicationIDs], as: UTF8.self)),
                    createdAt.map(SyncValue.date) ?? .null,
                ]),
            raw: RawPayload(bytes: json.bytes)
        )
    }

    /// The candidate's stored JSON, and where its `application_ids` array is in it (the column of
    /// that name holds the same text).
    ///
    /// The text is what serializing the object `{id, application_ids, first_name, last_name, email,
    /// phone, created_at, updated_at}` with TrackerAPI's writer gives (compact, keys sorted, absent
    /// values as `null`), which earlier versions stored: written directly, so that an unchanged
    /// candidate stays byte-for-byte unchanged (see `CandidateRowBytesTests`).
    private static func json(
        candidateID: String, applicationIDs: [String], contacts: [String?], createdAt: Date?, updatedAt: Date?
    ) -> (bytes: [UInt8], applicationIDs: Range<Int>) {
        var text = CompactJSONText(capacity: 160 + 12 * applicationIDs.count)
        text.append(#"{"application_ids":"#)
        let idsStart = text.bytes.count
        text.append("[")
        for (offset, id) in applicationIDs.enumerated() {
            if offset > 0 { text.append(",") }
            text.append(string: id)
        }
        text.append("]")
        let idsEnd = text.bytes.count
        text.append(#","created_at":"#)
        text.append(string: createdAt.map(utc))
        text.append(#","email":"#)
        text.append(string: contacts[2])
        text.append(#","first_name":"#)
        text.append(string: contacts[0])
        text.append(#","id":"#)
        text.append(string: candidateID)
        text.append(#","last_name":"#)
        text.append(string: contacts[1])
        text.append(#","phone":"#)
        text.append(string: contacts[3])
        text.append(#","updated_at":"#)
        text.append(string: updatedAt.map(utc))
        text.append("}")
        return (text.bytes, idsStart..<idsEnd)
    }

    /// The instant as `2024-03-10T12:00:00Z`: the text Foundation's `.iso8601` style writes, which
    /// earlier mirrors stored, written by hand because the format style cost more than the rest of
    /// building a candidate (checked against Foundation in the tests).
    static func utc(_ date: Date) -> String {
        UTCTimestampText.format(date, milliseconds: false) ?? date.formatted(.iso8601)
    }
}
