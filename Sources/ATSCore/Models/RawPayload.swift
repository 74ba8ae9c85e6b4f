/// The provider's own JSON for a record, kept byte for byte.
///
/// Every model keeps the payload it was built from, so that fields ATSKit does not model yet
/// (or that a provider adds tomorrow) are never lost: the sync engine stores it next to the
/// typed columns, and callers can read what the server really sent.
public struct RawPayload: Hashable, Sendable, CustomStringConvertible {
    /// The JSON text, UTF-8.
    public let bytes: [UInt8]

    /// Wraps JSON bytes as the provider sent them.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Wraps JSON text as the provider sent it.
    public init(json: String) { self.bytes = Array(json.utf8) }

    /// An empty payload, for records made locally rather than read from a provider.
    public static let empty = RawPayload(bytes: Array("{}".utf8))

    /// The JSON text.
    public var json: String { String(decoding: bytes, as: UTF8.self) }

    /// The JSON text.
    public var description: String { json }
}
