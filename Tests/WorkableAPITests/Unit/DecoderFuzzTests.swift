import Foundation
import PropertyBased
import Testing

@testable import WorkableAPI

/// The decoders never crash and never throw anything but their own errors, whatever the bytes:
/// random bytes, mutated real documents, deep nesting, random header values and timestamps.
@Suite(.workableFuzzFigures) struct DecoderFuzzTests {
    static let seeds: [String] = [
        #"{"candidates":[{"id":"3fa9c1","name":"Ada","email":" ADA@x.com ","stage":"Applied","created_at":"2026-12-04T10:11:48.392Z","job":{"shortcode":"SBX1"}}],"paging":{"next":"http://127.0.0.1:1/spi/v3/accounts/s/candidates?limit=1&since_id=ab"}}"#,
        #"[{"id":"a1","description":"Not qualified","candidate_withdrew":false,"position":0}]"#,
        #"{"jobs":[{"id":"61884e2","shortcode":"GROOV005","state":"published","location":{"location_str":"Athens"}}]}"#,
        #"{"members":[{"id":"13e0eb0e","name":"Avery","role":"admin"},{"id":"x","roles":["admin"],"active":true}]}"#,
        #"{"error":"Validation failed","validation_errors":{"email":["candidate already exists"],"x":"y"}}"#,
        #"{"activities":[{"id":"1","action":"comment","member":null,"body":"hi","created_at":"2015-06-08T00:00:00Z"}]}"#,
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
    ]

    /// Runs every decoder over `data`; any outcome but a crash is fine, and errors are typed.
    static func decodeEverything(_ data: Data, target: String) {
        var refused = false
        defer { WorkableFuzzFigures.shared.record(target, typedFailure: refused) }
        let answer = ReceivedAnswer(status: 200, body: data)
        if let json = try? WorkableJSON(parsing: data) {
            _ = json.encoded()
            for key in ["candidates", "jobs", "members", "activities", "stages", "files", "subscriptions"] {
                _ = try? WorkableAPI.list(json, key: key, WorkableCandidate.init(json:))
                _ = try? WorkableAPI.list(json, key: key, WorkableJob.init(json:))
                _ = try? WorkableAPI.list(json, key: key, WorkableMember.init(json:))
                _ = try? WorkableAPI.list(json, key: key, WorkableActivity.init(json:))
                _ = try? WorkableAPI.list(json, key: key, WorkableStage.init(json:))
                _ = try? WorkableAPI.list(json, key: key, WorkableFile.init(json:))
                _ = try? WorkableAPI.list(json, key: key, WorkableSubscription.init(json:))
                _ = try? WorkableAPI.list(json, key: key, WorkableDisqualificationReason.init(json:))
                _ = try? WorkableAPI.list(json, key: key, WorkableCustomAttribute.init(json:))
            }
            _ = WorkableCandidate(json: json)?.normalizedEmail
        }
        do {
            _ = try WorkableAPI.record(answer, key: "candidate", WorkableCandidate.init(json:))
        } catch {
            refused = true
            #expect(error.code == .malformedResponse)
        }
        let error = ErrorBody.error(status: 422, body: data, endpoint: "POST /x", token: "secret-token")
        #expect(!error.description.contains("secret-token"))
        #expect((error.bodyExcerpt?.count ?? 0) <= 121)
        _ = ErrorBody.isHTML(data)
    }

    @Test func randomBytesNeverCrashAnyDecoder() async {
        let bytes = Gen<UInt8>.value(in: 0...255).array(of: 0...96)
        await propertyCheck(count: WorkableFuzzFigures.cases(1_500), input: bytes) { input in
            Self.decodeEverything(Data(input), target: "random bytes")
        }
    }

    @Test func mutatedDocumentsNeverCrashAnyDecoder() async {
        let seeds = Self.seeds.map { Array($0.utf8) }
        let mutations = zip(Gen<Int>.int(in: 0...(seeds.count - 1)), Gen<Int>.int(in: 0...10_000).array(of: 1...6))
            .map { seed, edits -> [UInt8] in
                var bytes = seeds[seed]
                for (index, edit) in edits.enumerated() where !bytes.isEmpty {
                    let position = edit % bytes.count
                    switch (edit + index) % 4 {
                    case 0: bytes[position] = UInt8(truncatingIfNeeded: edit)
                    case 1: bytes.remove(at: position)
                    case 2: bytes = Array(bytes.prefix(position))
                    default: bytes.insert(contentsOf: Array(#"{"id":[1,"#.utf8), at: position)
                    }
                }
                return bytes
            }
        await propertyCheck(count: WorkableFuzzFigures.cases(2_000), input: mutations) { bytes in
            Self.decodeEverything(Data(bytes), target: "mutated documents")
        }
    }

    @Test func deepNestingEndsInAValueOrATypedError() {
        for depth in [10, 500, 5_000, 100_000] {
            let text = String(repeating: "[", count: depth) + "0" + String(repeating: "]", count: depth)
            Self.decodeEverything(Data(text.utf8), target: "deep nesting")
            let objects =
                String(repeating: #"{"candidate":"#, count: depth) + "1" + String(repeating: "}", count: depth)
            Self.decodeEverything(Data(objects.utf8), target: "deep nesting")
        }
    }

    /// Found by the property below on a clean clone's CI run: a wait past Int64 nanoseconds trapped.
    @Test(arguments: ["99999999999999999999", "1e300", "inf", "nan", "-5"])
    func anAbsurdWaitInAHeaderIsClampedNotATrap(text: String) {
        let headers = RateLimitHeaders(
            header: { ["Retry-After": text, "X-Rate-Limit-Reset": text][$0] ?? nil },
            wallClock: Date(timeIntervalSince1970: 1_796_000_000))
        let wait = headers.resetIn ?? .zero
        WorkableFuzzFigures.shared.record("absurd waits")
        #expect(wait >= .zero)
        #expect(wait <= .seconds(10 * 365 * 86_400))
    }

    @Test func randomTextNeverCrashesTheTimestampAndHeaderReaders() async {
        let characters = Array("0123456789-+:.TZtz ,GMTMonDecSat")
        let texts = Gen<Int>.int(in: 0...(characters.count - 1)).array(of: 0...32).map {
            String($0.map { characters[$0] })
        }
        await propertyCheck(count: WorkableFuzzFigures.cases(3_000), input: texts) { text in
            WorkableFuzzFigures.shared.record("timestamps and rate-limit headers")
            if let timestamp = WorkableTimestamp(iso8601: text) {
                #expect(WorkableTimestamp(iso8601: timestamp.iso8601) == timestamp)
            }
            let headers = RateLimitHeaders(
                header: {
                    ["X-Rate-Limit-Reset": text, "Retry-After": text.isEmpty ? nil : text, "X-Rate-Limit-Limit": text][
                        $0] ?? nil
                },
                wallClock: Date(timeIntervalSince1970: 1_796_000_000))
            #expect((headers.resetIn ?? .zero) >= .zero)
        }
    }

    @Test func generatedInstantsRoundTripExactly() async {
        let instants = zip(
            Gen<Int64>.int64(in: -62_135_596_800...253_402_300_799), Gen<Int32>.int32(in: 0...999_999_999)
        ).map { WorkableTimestamp(secondsSince1970: $0, nanoseconds: $1) }
        await propertyCheck(count: WorkableFuzzFigures.cases(3_000), input: instants) { timestamp in
            WorkableFuzzFigures.shared.record("timestamp round trips")
            #expect(WorkableTimestamp(iso8601: timestamp.iso8601) == timestamp)
        }
    }
}
