import ATSCore
import ATSSync
import Foundation
import Testing
import TrackerAPI

@testable import TrackerSync

/// The derivation writes each candidate's JSON directly; the stores compare stored bytes, so it must
/// write exactly what the earlier version (a `[String: TrackerJSON]` serialized with sorted keys,
/// the members read by a full parser) wrote for the same applications, or every candidate would
/// count as changed after an upgrade. The reference reads the stored JSON with Foundation's parser
/// and writes by the documented rule (``ReferenceJSON``): it shares no code with the derivation.
@Suite struct CandidateRowBytesTests {
    /// The derivation as it was before it wrote its JSON directly, kept here as the reference, with
    /// Foundation reading the stored JSON and ``ReferenceJSON`` writing the result.
    static func reference(_ groups: [String: [StoredRow]], zone: TimeZone?) throws -> [SyncRecord] {
        struct Application {
            var id: String
            var numericID: Int64
            var updatedAt: Date?
            var appliedAt: Date?
            var members: [String: Any]
        }
        return try groups.keys.sorted().compactMap { candidateID in
            guard let rows = groups[candidateID], !rows.isEmpty else { return nil }
            let applications = try rows.map { row in
                let members = try #require(try ReferenceJSON.parse(row.raw) as? [String: Any])
                // A naive time without a zone names no instant: the candidate's created_at stays empty.
                let applied = (members["applied_at"] as? String ?? members["created_at"] as? String)
                    .flatMap { TrackerTimestamp.parse($0, accountTimeZone: zone)?.instant }
                return Application(
                    id: row.id, numericID: Int64(row.id) ?? 0, updatedAt: row.updatedAt, appliedAt: applied,
                    members: members)
            }
            let byRecency = applications.sorted { lhs, rhs in
                let left = lhs.appliedAt ?? .distantPast
                let right = rhs.appliedAt ?? .distantPast
                return left == right ? lhs.numericID < rhs.numericID : left < right
            }
            let ids = applications.sorted { ($0.numericID, $0.id) < ($1.numericID, $1.id) }.map(\.id)
            let contacts = ["first_name", "last_name", "email", "phone"].map { key in
                byRecency.reversed().lazy.compactMap { $0.members[key] as? String }.first { !$0.isEmpty }
            }
            let createdAt = byRecency.first?.appliedAt
            let updatedAt = applications.compactMap(\.updatedAt).max()
            var raw: [String: TrackerJSON] = [
                "id": .string(candidateID), "application_ids": .array(ids.map(TrackerJSON.string)),
            ]
            for (key, value) in zip(["first_name", "last_name", "email", "phone"], contacts) {
                raw[key] = value.map(TrackerJSON.string) ?? .null
            }
            raw["created_at"] = createdAt.map { .string($0.formatted(.iso8601)) } ?? .null
            raw["updated_at"] = updatedAt.map { .string($0.formatted(.iso8601)) } ?? .null
            let idsText = ReferenceJSON.text(.array(ids.map(TrackerJSON.string)))
            return SyncRecord(
                id: candidateID, updatedAt: updatedAt,
                fields: SyncFields(
                    names: ["first_name", "last_name", "email", "phone", "application_ids", "created_at"],
                    values: contacts.map { $0.map(SyncValue.text) ?? .null } + [
                        .text(idsText), createdAt.map(SyncValue.date) ?? .null,
                    ]),
                raw: RawPayload(bytes: Array(ReferenceJSON.text(.object(raw)).utf8)))
        }
    }

    /// Strings as applicants type them, and as they arrive escaped in stored JSON.
    static let texts: [String] = [
        "Ann", "", " ", "O'Neil", "Zoë", "Ann \"Nan\"", #"back\slash"#, "tab\there", "line\nbreak", "bell\u{07}",
        "\u{1F}unit", "日本語", "emoji 👩🏽‍💻", "a/b", "+1 (555) 010-0000", "x@example.com", "\u{7F}del",
        "carriage\r", "form\u{0C}feed", "back\u{08}space",
    ]

    /// Stored application JSON, written in the ways the stores hold it: compact or spaced, keys in
    /// any order, strings with and without escapes (some `\u` escapes, which send the quick reader
    /// to the full parser), members missing, null or not strings.
    static func storedJSON(
        _ members: [(String, TrackerJSON)], spaced: Bool, unicodeEscapes: Bool
    ) -> String {
        var parts: [String] = []
        for (key, value) in members {
            var text = ReferenceJSON.text(value)
            if unicodeEscapes, case .string(let string) = value, let first = string.unicodeScalars.first,
                first.isASCII
            {
                let hex = String(first.value, radix: 16)
                text =
                    "\"\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    + String(text.dropFirst(2))
            }
            parts.append("\"\(key)\"" + (spaced ? ": " : ":") + text)
        }
        return "{" + parts.joined(separator: spaced ? ", " : ",") + "}"
    }

    static func randomGroups(count: Int, using generator: inout some RandomNumberGenerator) -> [String: [StoredRow]] {
        let stamps = [
            "2024-03-10T01:30:00", "2024-03-10T02:30:00", "2024-03-10T03:30:00", "2024-11-03T01:30:00",
            "2024-11-03T01:30:00Z", "2024-06-01T12:00:00-07:00", "2023-12-31 23:59:59", "2024-02-29",
            "2024-07-04T08:15:30.250", "not a time", "",
        ]
        func value(_ generator: inout some RandomNumberGenerator) -> TrackerJSON {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: return .null
            case 1: return .integer(Int64.random(in: 0..<10_000_000, using: &generator))
            case 2: return .array([.string("x")])
            default: return .string(texts.randomElement(using: &generator) ?? "")
            }
        }
        var groups: [String: [StoredRow]] = [:]
        var nextID = 1
        for group in 0..<count {
            let candidateID = group % 7 == 0 ? "cand-\"\(group)\"" : "c\(String(group, radix: 16))"
            var rows: [StoredRow] = []
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                nextID += Int.random(in: 1...3, using: &generator)
                let id = Int.random(in: 0..<12, using: &generator) == 0 ? "x\(nextID)" : String(nextID)
                var members: [(String, TrackerJSON)] = [("id", .string(id))]
                for key in ["first_name", "last_name", "email", "phone"]
                where Int.random(in: 0..<6, using: &generator) > 0 {
                    members.append((key, value(&generator)))
                }
                for key in ["applied_at", "created_at"] where Bool.random(using: &generator) {
                    members.append((key, .string(stamps.randomElement(using: &generator) ?? "")))
                }
                members.append(("tags", .array([.string("a"), .object(["email": "inner@x.y"])])))
                members.append(("custom_fields", .object(["phone": "not this", "n": .double(2.5)])))
                members.shuffle(using: &generator)
                let updatedAt: Date? =
                    Int.random(in: 0..<8, using: &generator) == 0
                    ? nil
                    : Date(
                        timeIntervalSince1970: Double(Int.random(in: 1_600_000_000...1_800_000_000, using: &generator))
                            + 0.5)
                rows.append(
                    StoredRow(
                        id: id, updatedAt: updatedAt,
                        raw: storedJSON(
                            members, spaced: Bool.random(using: &generator),
                            unicodeEscapes: Int.random(in: 0..<5, using: &generator) == 0),
                        deletedAt: nil))
            }
            groups[candidateID] = rows
        }
        return groups
    }

    @Test(arguments: [nil, "America/New_York", "Asia/Kolkata", "UTC"])
    func writesTheSameRowsAsTheDictionaryItReplaced(zoneName: String?) throws {
        let zone = try zoneName.map { try #require(TimeZone(identifier: $0)) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let groups = Self.randomGroups(count: 60, using: &generator)
            let derived = try CandidateDerivation(accountTimeZone: zone).records(groups)
            let expected = try Self.reference(groups, zone: zone)
            #expect(derived.count == expected.count)
            for (new, old) in zip(derived, expected) {
                #expect(new.raw.json == old.raw.json)
                #expect(new == old, "\(new.id)")
            }
        }
    }
}
