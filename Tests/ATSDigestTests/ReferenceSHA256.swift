/// A deliberately plain SHA-256 and HMAC, written straight from FIPS 180-4 and RFC 2104 with
/// arrays and no shortcuts, as the oracle the optimised implementation is compared with.
enum ReferenceSHA256 {
    static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    static func hash(_ message: [UInt8]) -> [UInt8] {
        // 5.1.1: append 1 bit, k zero bits, the 64-bit length.
        var bits = message + [0x80]
        bits += [UInt8](repeating: 0, count: (64 + 56 - bits.count % 64) % 64)
        let length = UInt64(message.count) * 8
        bits += (0..<8).map { UInt8((length >> (56 - 8 * UInt64($0))) & 0xff) }
        precondition(bits.count % 64 == 0)

        var hash: [UInt32] = [
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
        ]
        for block in 0..<(bits.count / 64) {
            var w: [UInt32] = []
            for t in 0..<16 {
                let bytes = bits[(block * 64 + t * 4)..<(block * 64 + t * 4 + 4)]
                w.append(bytes.reduce(0) { ($0 << 8) | UInt32($1) })
            }
            for t in 16..<64 {
                let sigma0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                let sigma1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                w.append(sigma1 &+ w[t - 7] &+ sigma0 &+ w[t - 16])
            }
            var v = hash
            for t in 0..<64 {
                let big1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25)
                let ch = (v[4] & v[5]) ^ (~v[4] & v[6])
                let t1 = v[7] &+ big1 &+ ch &+ k[t] &+ w[t]
                let big0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22)
                let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2])
                let t2 = big0 &+ maj
                v = [t1 &+ t2, v[0], v[1], v[2], v[3] &+ t1, v[4], v[5], v[6]]
            }
            hash = zip(hash, v).map { $0 &+ $1 }
        }
        return hash.flatMap { word in [24, 16, 8, 0].map { UInt8((word >> UInt32($0)) & 0xff) } }
    }

    static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var k0 = key.count > 64 ? hash(key) : key
        k0 += [UInt8](repeating: 0, count: 64 - k0.count)
        let ipad = k0.map { $0 ^ 0x36 }
        let opad = k0.map { $0 ^ 0x5c }
        return hash(opad + hash(ipad + message))
    }
}
