/// SHA-256 (FIPS 180-4).
///
/// ATSKit hashes only small messages (webhook bodies, e-mail addresses for candidate ids), and the
/// package keeps its dependencies to the ones made for its job, so it has its own implementation,
/// checked against the FIPS 180-2 examples and, in the tests, against a plain reference on every
/// message length up to several blocks. It works on the caller's bytes and the stack only: a first
/// sync hashes one e-mail address per application, where allocations showed in the profile.
public enum SHA256 {
    /// The 32-byte digest of a message.
    /// - Parameter message: The bytes to hash.
    /// - Returns: 32 bytes.
    public static func hash(_ message: [UInt8]) -> [UInt8] {
        digest(of: message).bytes
    }

    /// The digest of a message.
    /// - Parameter message: The bytes to hash.
    /// - Returns: The digest, which allocates nothing until its bytes or hex text are asked for.
    public static func digest(of message: [UInt8]) -> Digest {
        message.withUnsafeBytes { digest(of: $0) }
    }

    /// The digest of bytes in memory.
    /// - Parameter message: The bytes to hash.
    /// - Returns: The digest.
    public static func digest(of message: UnsafeRawBufferPointer) -> Digest {
        var state = SHA256State.initial
        state.finish(message, precedingByteCount: 0)
        return Digest(state: state)
    }
}

extension SHA256 {
    /// A SHA-256 (or HMAC-SHA256) result as eight 32-bit words, so that producing one allocates nothing.
    ///
    /// It has no `==` on purpose: compare authentication codes with
    /// ``HMACSHA256/constantTimeEquals(_:_:)`` on their ``bytes``.
    public struct Digest: Sendable {
        let state: SHA256State

        /// The 32 bytes of the digest.
        public var bytes: [UInt8] {
            [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
                for index in 0..<32 { buffer[index] = state.byte(index) }
                count = 32
            }
        }

        /// The first bytes of the digest as lowercase hexadecimal digits, after a prefix, written
        /// straight into the resulting string.
        /// - Parameters:
        ///   - byteCount: How many leading bytes to write (0 to 32; values outside are clamped).
        ///   - prefix: Text to put before the digits, such as an id's `tc_`.
        /// - Returns: `prefix` followed by `2 × byteCount` digits.
        public func lowercaseHex(firstBytes byteCount: Int = 32, after prefix: String = "") -> String {
            let byteCount = min(max(byteCount, 0), 32)
            var prefix = prefix
            return prefix.withUTF8 { prefixBytes in
                String(unsafeUninitializedCapacity: prefixBytes.count + 2 * byteCount) { buffer in
                    var position = 0
                    for byte in prefixBytes {
                        buffer[position] = byte
                        position += 1
                    }
                    for index in 0..<byteCount {
                        let byte = state.byte(index)
                        buffer[position] = Self.hexDigit(byte >> 4)
                        buffer[position + 1] = Self.hexDigit(byte & 0x0F)
                        position += 2
                    }
                    return position
                }
            }
        }

        @inline(__always)
        private static func hexDigit(_ nibble: UInt8) -> UInt8 {
            nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
        }
    }
}
