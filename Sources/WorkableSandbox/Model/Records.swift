/// The sandbox's records. Times are milliseconds since 1970 UTC.
struct SandboxJob: Sendable {
    var id: String
    var shortcode: String
    var title: String
    var state: String
    var department: String
    var city: String
    var countryCode: String
    var createdAt: Int64
    var updatedAt: Int64
    /// The job's pipeline: slugs of account stages, in order.
    var pipeline: [String]
}

struct SandboxStage: Sendable {
    var slug: String
    var name: String
    var kind: String
    var position: Int
}

struct SandboxMember: Sendable {
    var id: String
    var name: String
    var email: String
    var roles: [String]
    var active: Bool
}

struct SandboxReason: Sendable {
    var id: String
    var text: String
    var withdrew: Bool
    var position: Int
}

struct SandboxCustomAttribute: Sendable {
    var id: String
    var type: String
    var label: String
    var choices: [(id: String, body: String)]
}

struct SandboxCandidate: Sendable {
    var id: String
    var firstname: String
    var lastname: String
    var email: String?
    var phone: String?
    var headline: String?
    var summary: String?
    var address: String?
    var coverLetter: String?
    var shortcode: String
    var stageSlug: String
    var disqualified = false
    var withdrew = false
    var disqualificationReason: String?
    var disqualifiedAt: Int64?
    var sourced: Bool
    var domain: String?
    var createdAt: Int64
    var updatedAt: Int64
    var hiredAt: Int64?
    var tags: [String] = []
    /// Custom attribute key → value (text, or option texts joined by the list).
    var customValues: [String: [String]] = [:]
    var originatingID: String?
    var name: String { lastname.isEmpty ? firstname : firstname + " " + lastname }
}

struct SandboxActivity: Sendable {
    var id: String
    var action: String
    var stageName: String?
    var targetStage: String?
    var body: String?
    var memberID: String?
    var rating: Int?
    var createdAt: Int64
    var updatedAt: Int64
}

struct SandboxFile: Sendable {
    var key: String
    var candidateID: String
    var name: String
    var kind: String
    var contentType: String
    var bytes: [UInt8]
}

struct SandboxSubscription: Sendable {
    var id: Int
    var target: String
    var event: String
    var jobShortcode: String
    var stageSlug: String
    var createdAt: Int64
}

/// Deterministic pseudo-random numbers (SplitMix64): the same seed gives the same data.
struct SeededRandom: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }

    mutating func chance(_ probability: Double) -> Bool { Double(next() % 10_000) / 10_000 < probability }

    /// A hexadecimal id of 6 to 10 digits: string order says nothing about insertion order.
    mutating func hexID() -> String {
        let length = 6 + below(5)
        let digits = String(next(), radix: 16)
        return String(String(repeating: "0", count: max(0, length - digits.count)) + digits).suffix(length).description
    }
}
