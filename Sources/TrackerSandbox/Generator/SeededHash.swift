/// A stateless, seeded hash that turns `(seed, stream, index, salt)` into well-mixed 64-bit values.
///
/// Every generated record is a pure function of the seed and its id, so record N can be produced
/// without producing records 1…N−1: generation is O(1) per record and needs no memory.
/// The mixing function is SplitMix64's finaliser, which passes BigCrush when fed a counter.
struct SeededHash: Sendable {
    /// Separate streams keep, say, job 7 and application 7 from sharing their random draws.
    enum Stream: UInt64 {
        case job = 0x6A6F_6273
        case application = 0x6170_7073
        case person = 0x7065_6F70
        case note = 0x6E6F_7465
        case file = 0x6669_6C65
        case mutation = 0x6D75_7461
        case fault = 0x6661_756C
        case action = 0x6163_746E
        case latency = 0x6C61_7465
    }

    let seed: UInt64

    init(seed: UInt64) {
        self.seed = Self.mix(seed &+ 0x9E37_79B9_7F4A_7C15)
    }

    /// SplitMix64's output function.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A 64-bit draw for one field (`salt`) of one record (`index`) in one stream.
    @inline(__always)
    func draw(_ stream: Stream, _ index: Int, _ salt: UInt64) -> UInt64 {
        Self.mix(seed ^ Self.mix(stream.rawValue ^ (UInt64(truncatingIfNeeded: index) &* 0xD6E8_FEB8_6659_FD93)) ^ salt)
    }

    /// A draw in `0..<bound` (bound > 0). The modulo bias is below 2⁻⁴⁰ for the bounds used here.
    @inline(__always)
    func below(_ bound: Int, _ stream: Stream, _ index: Int, _ salt: UInt64) -> Int {
        Int(truncatingIfNeeded: draw(stream, index, salt) % UInt64(max(bound, 1)))
    }

    /// A draw in `0..<1`.
    @inline(__always)
    func unit(_ stream: Stream, _ index: Int, _ salt: UInt64) -> Double {
        Double(draw(stream, index, salt) >> 11) * 0x1.0p-53
    }
}
