/// How well a provider supports one operation.
public enum ATSSupport: Hashable, Sendable {
    /// Fully supported.
    case supported
    /// Supported with a limitation, described for a person.
    case limited(String)
    /// Not supported; the reason is described for a person, and the operation throws
    /// ``ATSError`` with code ``ATSError/Code/notSupported``.
    case notSupported(String)

    /// The level's stable name: `supported`, `limited` or `not_supported`.
    public var name: String {
        switch self {
        case .supported: "supported"
        case .limited: "limited"
        case .notSupported: "not_supported"
        }
    }

    /// The limitation or reason, when there is one.
    public var note: String? {
        switch self {
        case .supported: nil
        case .limited(let note), .notSupported(let note): note
        }
    }

    /// Whether the operation can be called at all.
    public var isAvailable: Bool {
        if case .notSupported = self { return false }
        return true
    }
}
