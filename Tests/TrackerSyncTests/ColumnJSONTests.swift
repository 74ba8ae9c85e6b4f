import ATSSync
import Foundation
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox

@testable import TrackerSync

/// The `tags`, `options` and `custom_fields` columns are written without a JSON tree; their text
/// must stay byte for byte the documented spelling, or every stored row would look changed. Each
/// text is checked against oracles that share no code with the writer: literal text, an
/// independent writer of the documented rule, and Foundation's JSON parser (``ReferenceJSON``).
@Suite struct ColumnJSONTests {
    /// Literal text, written by hand: what rows already stored in mirrors hold.
    @Test func columnsAreSpelledAsStoredMirrorsHoldThem() {
        #expect(ColumnJSON.array(of: []) == "[]")
        #expect(
            ColumnJSON.array(of: ["VIP", "say \"hi\"", #"back\slash"#, "tab\there", "nul\u{0}", "\u{1f}", "caf\u{e9}"])
                == #"["VIP","say \"hi\"","back\\slash","tab\there","nul\u0000","\u001f","café"]"#)
        #expect(ColumnJSON.object([:]) == "{}")
        let fields: [String: TrackerJSON] = [
            "years_experience": 7, "desired_salary": 52_300.5, "willing_to_relocate": true, "b": .null,
            "a": ["n": [1e15, 0.1, -0.0, .double(.nan), .integer(-3)]], "Z": "line\nbreak\r\u{7f}/",
        ]
        #expect(
            ColumnJSON.object(fields)
                == #"{"Z":"line\nbreak\r"# + "\u{7f}"
                + #"/","a":{"n":[1000000000000000.0,0.1,0,null,-3]},"b":null,"desired_salary":52300.5,"#
                + #""willing_to_relocate":true,"years_experience":7}"#)
    }

    static let awkwardStrings = [
        "", "plain", "with \"quotes\"", #"back\slash"#, "new\nline", "tab\tand\rreturn", "nul \u{0} byte",
        "controls \u{1}\u{8}\u{b}\u{c}\u{1f}", "delete \u{7f}", "slash / and <html>", "caf\u{e9}", "cafe\u{301}",
        "\u{1F469}\u{200D}\u{1F4BB} dev", "line\u{2028}separator", "\u{4E2D}\u{6587}", "\u{FEFF}bom",
        String(repeating: "long ", count: 200),
    ]

    @Test func tagArraysMatchTheSerialisedTree() {
        var lists: [[String]] = [[], [""], ["one"], Self.awkwardStrings]
        lists += Self.awkwardStrings.map { [$0] }
        lists += Self.awkwardStrings.indices.map { Array(Self.awkwardStrings[..<$0]) }
        for tags in lists {
            ReferenceJSON.expect(ColumnJSON.array(of: tags), spells: .array(tags.map(TrackerJSON.string)))
        }
    }

    @Test func customFieldObjectsMatchTheSerialisedTree() {
        let examples: [[String: TrackerJSON]] = [
            [:],
            ["years_experience": 7],
            [
                "years_experience": 7, "desired_salary": 52_300.5, "willing_to_relocate": true,
                "work_authorization": "Citizen",
            ],
            ["z": .null, "a": [], "M": [:], "m": ["nested": ["deeper": [1, "two", 3.5, .null, false]]]],
            ["caf\u{e9}": "x", "cafe": "y", "Caf": "z", "10": 1, "9": 2, "_": 3, "\u{1F600}": 4, "": 5, "\"": 6],
            [
                "numbers": [
                    0, -0.0, 1, -1, .integer(.max), .integer(.min), 1e15, .double(1e15 - 1), 999_999_999_999_999.9,
                    1e300,
                    .double(.leastNonzeroMagnitude), 0.1, 0.30000000000000004, -2.0, .double(.nan), .double(.infinity),
                    .double(-.infinity),
                ]
            ],
            Dictionary(uniqueKeysWithValues: (0..<40).map { ("key \(39 - $0)", TrackerJSON.integer(Int64($0))) }),
        ]
        for fields in examples {
            ReferenceJSON.expect(ColumnJSON.object(fields), spells: .object(fields))
        }
    }

    @Test func randomValuesMatchTheSerialisedTree() {
        var random = SeededRandom(seed: 0x5EED)
        for _ in 0..<2000 {
            let fields = randomObject(&random, depth: 0)
            ReferenceJSON.expect(ColumnJSON.object(fields), spells: .object(fields))
            let tags = (0..<random.below(6)).map { _ in randomString(&random) }
            ReferenceJSON.expect(ColumnJSON.array(of: tags), spells: .array(tags.map(TrackerJSON.string)))
        }
    }

    /// An application read from the sandbox maps to a row whose columns hold the documented
    /// spelling of its tags and custom fields.
    @Test func applicationRowsKeepTheirColumnTexts() async throws {
        try await withTrackerSandbox(SandboxConfiguration(applicationCount: 3)) { sandbox in
            let applications = sandbox.control.applications()
            #expect(applications.count == 3)
            _ = sandbox.control.updateApplication(id: applications[0].id) { application in
                application.tags = ["VIP", "says \"hi\"", "caf\u{e9}", "back\\slash", "tab\there"]
                // The sandbox serves the fields of the account's schema: awkward values under those.
                application.customFields = [
                    "referral_name": .string("Zo\u{eb} \"Z\" O\\Neil\n\u{1}\u{1F600}"),
                    "work_authorization": .array([.int(1), .double(2.5), .object([.init("x", .null)])]),
                    "desired_salary": .double(52_300.5), "years_experience": .int(-3),
                    "willing_to_relocate": .bool(true),
                ]
            }
            _ = sandbox.control.updateApplication(id: applications[1].id) { application in
                application.tags = []
                application.customFields = [:]
            }
            var configuration = TrackerAPI.Configuration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword, rateLimit: nil)
            configuration.pagingConsistency = .none
            let api = try TrackerAPI(configuration: configuration)
            var read: [TrackerApplication] = []
            do {
                for try await application in api.applications.list(.init(pageSize: 100)) { read.append(application) }
                try await api.shutdown()
            } catch {
                try? await api.shutdown()
                throw error
            }
            #expect(read.count == 3)
            let awkward = try #require(read.first { $0.tags.count == 5 })
            #expect(awkward.customFields["referral_name"] == .string("Zo\u{eb} \"Z\" O\\Neil\n\u{1}\u{1F600}"))
            #expect(awkward.customFields["work_authorization"]?.arrayValue?.count == 3)
            let identity = CandidateIdentity(secret: Array("test".utf8))
            for application in read {
                let row = TrackerSyncRecords.application(application, identity: identity)
                guard case .text(let tags)? = row.fields["tags"], case .text(let fields)? = row.fields["custom_fields"]
                else {
                    Issue.record("application \(application.id.rawValue): tags or custom_fields is not text")
                    continue
                }
                ReferenceJSON.expect(tags, spells: .array(application.tags.map(TrackerJSON.string)))
                ReferenceJSON.expect(fields, spells: .object(application.customFields))
            }
        }
    }

    private func randomObject(_ random: inout SeededRandom, depth: Int) -> [String: TrackerJSON] {
        var object: [String: TrackerJSON] = [:]
        for _ in 0..<random.below(depth == 0 ? 8 : 4) {
            object[randomString(&random)] = randomValue(&random, depth: depth + 1)
        }
        return object
    }

    private func randomValue(_ random: inout SeededRandom, depth: Int) -> TrackerJSON {
        switch random.below(depth >= 3 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(random.below(2) == 1)
        case 2: return .integer(Int64(bitPattern: random.next()) >> Int64(random.below(64)))
        case 3: return .double(randomDouble(&random))
        case 4: return .string(randomString(&random))
        case 5: return .array((0..<random.below(4)).map { _ in randomValue(&random, depth: depth + 1) })
        default: return .object(randomObject(&random, depth: depth))
        }
    }

    private func randomDouble(_ random: inout SeededRandom) -> Double {
        let special: [Double] = [
            0, -0.0, 0.5, 1e15, 1e15 - 1, 1e16, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, 1e-7,
        ]
        switch random.below(3) {
        case 0: return special[random.below(special.count)]
        case 1: return Double(Int64(bitPattern: random.next()) >> 20) / 16
        default: return Double(bitPattern: random.next())
        }
    }

    private func randomString(_ random: inout SeededRandom) -> String {
        let pieces = [
            "a", "Z", "_", "0", "9", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1f}", "\u{7f}", "\u{e9}",
            "e\u{301}", "\u{1F469}\u{200D}\u{1F4BB}", "\u{2028}", "\u{4E2D}", "key", "value",
        ]
        return (0..<random.below(8)).map { _ in pieces[random.below(pieces.count)] }.joined()
    }
}

/// A small reproducible generator (SplitMix64), so that a failure can be replayed.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
