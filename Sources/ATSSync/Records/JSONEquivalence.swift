import Foundation

/// Whether two JSON texts hold the same value, whatever their key order and spacing.
///
/// Sources hand the stores a record's JSON exactly as the provider sent it, and the stores first
/// compare stored and new text byte for byte, which settles nearly every record. Two texts of one
/// unchanged record can still differ, for instance a row written by an earlier ATSKit (which sorted
/// the keys) against the provider's order, or a provider that orders keys differently between
/// responses; those must count as unchanged, so the stores ask this type before calling a record
/// changed. It is only reached when the bytes differ and the update time does not, so its cost
/// (both texts parsed and written again with sorted keys) does not matter.
public enum JSONEquivalence {
    /// Whether two UTF-8 JSON texts are equal as JSON values; false when either is not JSON.
    /// - Parameters:
    ///   - lhs: One text.
    ///   - rhs: The other.
    /// - Returns: True when both parse and hold the same value.
    public static func same(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        if lhs.elementsEqual(rhs) { return true }
        guard let left = canonical(Data(lhs)), let right = canonical(Data(rhs)) else { return false }
        return left == right
    }

    private static func canonical(_ text: Data) -> Data? {
        guard let value = try? JSONSerialization.jsonObject(with: text, options: [.fragmentsAllowed]) else {
            return nil
        }
        return try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
    }
}
