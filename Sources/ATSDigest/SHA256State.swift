/// The eight working words of SHA-256 between blocks, and the compression function.
///
/// Blocks are read straight from the caller's memory; only the last one or two (the message's
/// tail with its padding and length) are assembled, in a buffer on the stack.
struct SHA256State: Sendable {
    var h0, h1, h2, h3, h4, h5, h6, h7: UInt32

    /// The initial hash value (FIPS 180-4, 5.3.3).
    static let initial = SHA256State(
        h0: 0x6a09_e667, h1: 0xbb67_ae85, h2: 0x3c6e_f372, h3: 0xa54f_f53a,
        h4: 0x510e_527f, h5: 0x9b05_688c, h6: 0x1f83_d9ab, h7: 0x5be0_cd19)

    /// Byte `index` (0–31) of the digest these words form, most significant byte of `h0` first.
    func byte(_ index: Int) -> UInt8 {
        let word: UInt32
        switch index >> 2 {
        case 0: word = h0
        case 1: word = h1
        case 2: word = h2
        case 3: word = h3
        case 4: word = h4
        case 5: word = h5
        case 6: word = h6
        default: word = h7
        }
        return UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * (index & 3)))
    }

    /// Writes the 32 digest bytes, big-endian, at the start of `destination`.
    func store(to destination: UnsafeMutableRawBufferPointer) {
        destination.storeBytes(of: h0.bigEndian, toByteOffset: 0, as: UInt32.self)
        destination.storeBytes(of: h1.bigEndian, toByteOffset: 4, as: UInt32.self)
        destination.storeBytes(of: h2.bigEndian, toByteOffset: 8, as: UInt32.self)
        destination.storeBytes(of: h3.bigEndian, toByteOffset: 12, as: UInt32.self)
        destination.storeBytes(of: h4.bigEndian, toByteOffset: 16, as: UInt32.self)
        destination.storeBytes(of: h5.bigEndian, toByteOffset: 20, as: UInt32.self)
        destination.storeBytes(of: h6.bigEndian, toByteOffset: 24, as: UInt32.self)
        destination.storeBytes(of: h7.bigEndian, toByteOffset: 28, as: UInt32.self)
    }

    /// Hashes the rest of a message and pads it: `message` follows `precedingByteCount` bytes
    /// (a multiple of 64) that are already compressed into these words.
    mutating func finish(_ message: UnsafeRawBufferPointer, precedingByteCount: Int) {
        let fullBlocks = message.count / 64
        for block in 0..<fullBlocks {
            compress(UnsafeRawBufferPointer(rebasing: message[(block * 64)..<(block * 64 + 64)]))
        }
        let tailCount = message.count - fullBlocks * 64
        let bitLength = UInt64(truncatingIfNeeded: precedingByteCount + message.count) &* 8
        // The tail, 0x80, zeros and the 64-bit length: one block if the tail leaves room for the
        // nine bytes, else two.
        let paddedCount = tailCount < 56 ? 64 : 128
        withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
            tail.initializeMemory(as: UInt8.self, repeating: 0)
            tail.copyMemory(from: UnsafeRawBufferPointer(rebasing: message[(fullBlocks * 64)...]))
            tail[tailCount] = 0x80
            tail.storeBytes(of: bitLength.bigEndian, toByteOffset: paddedCount - 8, as: UInt64.self)
            compress(UnsafeRawBufferPointer(rebasing: tail[0..<64]))
            if paddedCount == 128 { compress(UnsafeRawBufferPointer(rebasing: tail[64..<128])) }
        }
    }

    /// Compresses one 64-byte block (FIPS 180-4, 6.2.2).
    mutating func compress(_ block: UnsafeRawBufferPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            for t in 0..<16 {
                schedule[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
            }
            for t in 16..<64 {
                let w15 = schedule[t - 15]
                let w2 = schedule[t - 2]
                let s0 = rotate(w15, 7) ^ rotate(w15, 18) ^ (w15 >> 3)
                let s1 = rotate(w2, 17) ^ rotate(w2, 19) ^ (w2 >> 10)
                schedule[t] = schedule[t - 16] &+ s0 &+ schedule[t - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
            SHA256State.roundConstants.withUnsafeBufferPointer { constants in
                // Eight rounds at a time with the roles of the variables rotated in the calls,
                // instead of moving seven of them down after every round.
                for t in stride(from: 0, to: 64, by: 8) {
                    round(a, b, c, &d, e, f, g, &h, constants[t] &+ schedule[t])
                    round(h, a, b, &c, d, e, f, &g, constants[t + 1] &+ schedule[t + 1])
                    round(g, h, a, &b, c, d, e, &f, constants[t + 2] &+ schedule[t + 2])
                    round(f, g, h, &a, b, c, d, &e, constants[t + 3] &+ schedule[t + 3])
                    round(e, f, g, &h, a, b, c, &d, constants[t + 4] &+ schedule[t + 4])
                    round(d, e, f, &g, h, a, b, &c, constants[t + 5] &+ schedule[t + 5])
                    round(c, d, e, &f, g, h, a, &b, constants[t + 6] &+ schedule[t + 6])
                    round(b, c, d, &e, f, g, h, &a, constants[t + 7] &+ schedule[t + 7])
                }
            }
            h0 &+= a
            h1 &+= b
            h2 &+= c
            h3 &+= d
            h4 &+= e
            h5 &+= f
            h6 &+= g
            h7 &+= h
        }
    }

    /// One round: `d` and `h` are the two words a round changes; the caller renames the rest.
    @inline(__always)
    private func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
        _ constantPlusWord: UInt32
    ) {
        let sum1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
        let choice = g ^ (e & (f ^ g))
        let temp1 = h &+ sum1 &+ choice &+ constantPlusWord
        let sum0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
        let majority = (a & b) | (c & (a | b))
        d &+= temp1
        h = temp1 &+ sum0 &+ majority
    }

    @inline(__always)
    private func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }

    /// The round constants (FIPS 180-4, 4.2.2).
    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}
