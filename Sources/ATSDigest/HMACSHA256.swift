/// HMAC (RFC 2104) over ``SHA256``, checked against the RFC 4231 test vectors.
public enum HMACSHA256 {
    /// The authentication code of a message under a key.
    ///
    /// Prepares the key for this one message; to authenticate many messages under one key, make a
    /// ``Key`` once and ask it for each message's code.
    /// - Parameters:
    ///   - key: The secret key (any length; a key longer than 64 bytes is hashed first).
    ///   - message: The message.
    /// - Returns: The 32-byte authentication code.
    public static func authenticationCode(key: [UInt8], message: [UInt8]) -> [UInt8] {
        Key(key).authenticationCode(for: message).bytes
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

extension HMACSHA256 {
    /// A key prepared for authenticating many messages.
    ///
    /// HMAC hashes the key's 64-byte inner and outer blocks before each message's bytes; they are
    /// the same for every message, so the key keeps SHA-256's state after each of them. A short
    /// message then costs two compressions instead of four, and no work on the key.
    public struct Key: Sendable {
        private let inner: SHA256State
        private let outer: SHA256State

        /// Prepares a key.
        /// - Parameter key: The secret key (any length; a key longer than 64 bytes is hashed first).
        public init(_ key: [UInt8]) {
            var inner = SHA256State.initial
            var outer = SHA256State.initial
            withUnsafeTemporaryAllocation(byteCount: 64, alignment: 8) { block in
                block.initializeMemory(as: UInt8.self, repeating: 0)
                if key.count > 64 {
                    SHA256.digest(of: key).state.store(to: block)
                } else {
                    key.withUnsafeBytes { block.copyMemory(from: $0) }
                }
                for index in 0..<64 { block[index] ^= 0x36 }
                inner.compress(UnsafeRawBufferPointer(block))
                for index in 0..<64 { block[index] ^= 0x36 ^ 0x5c }
                outer.compress(UnsafeRawBufferPointer(block))
            }
            self.inner = inner
            self.outer = outer
        }

        /// The authentication code of bytes in memory.
        /// - Parameter message: The message.
        /// - Returns: The code.
        public func authenticationCode(for message: UnsafeRawBufferPointer) -> SHA256.Digest {
            var innerState = inner
            innerState.finish(message, precedingByteCount: 64)
            var outerState = outer
            withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { digest in
                innerState.store(to: digest)
                outerState.finish(UnsafeRawBufferPointer(digest), precedingByteCount: 64)
            }
            return SHA256.Digest(state: outerState)
        }

        /// The authentication code of a message.
        /// - Parameter message: The message.
        /// - Returns: The code.
        public func authenticationCode(for message: [UInt8]) -> SHA256.Digest {
            message.withUnsafeBytes { authenticationCode(for: $0) }
        }

        /// The authentication code of a text's UTF-8 bytes.
        /// - Parameter message: The text.
        /// - Returns: The code.
        public func authenticationCode(for message: String) -> SHA256.Digest {
            var message = message
            return message.withUTF8 { authenticationCode(for: UnsafeRawBufferPointer($0)) }
        }
    }
}

extension HMACSHA256.Key: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Says what the value is without its contents: the midstates stand for the key (anyone holding
    /// them can compute codes), and a printed or dumped value that holds a key ends up in logs.
    public var description: String { "HMAC key (redacted)" }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without children, so that `dump` and reflection show no key material either.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
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
