/// HMAC (RFC 2104) over ``SHA256``, checked against the RFC 4231 test vectors.
public enum HMACSHA256 {
    /// The authentication code of a message under a key.
    /// - Parameters:
    ///   - key: The secret key (any length; a key longer than 64 bytes is hashed first).
    ///   - message: The message.
    /// - Returns: The 32-byte authentication code.
    public static func authenticationCode(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var block = key.count > 64 ? SHA256.hash(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        let inner = SHA256.hash(block.map { $0 ^ 0x36 } + message)
        return SHA256.hash(block.map { $0 ^ 0x5c } + inner)
    }

    /// Compares two codes in time that depends only on their length, so that a verifier does not
    /// reveal how many leading bytes of a forged signature were right.
    /// - Parameters:
    ///   - lhs: One code.
    ///   - rhs: The other.
    /// - Returns: Whether they are equal.
    public static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}

extension Array where Element == UInt8 {
    /// The bytes as lowercase hexadecimal digits.
    public var lowercaseHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(count * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
