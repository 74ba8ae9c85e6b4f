/// What one provider can do, as values a caller can check before calling.
///
/// The coverage matrix (`ats coverage`, `docs/COVERAGE.md`) is generated from these values, so
/// the documentation cannot drift from the code.
public struct ATSCapabilities: Hashable, Sendable {
    /// The provider described.
    public var provider: ATSProvider
    /// How the provider stores note text.
    public var noteFormat: NoteFormat
    /// Whether candidates are a resource of the provider or derived by ATSKit from applications.
    public var hasNativeCandidates: Bool
    /// Whether record timestamps come without a UTC offset, in the account's local time.
    public var timestampsAreLocalTime: Bool
    /// The support level of each operation; an operation missing here is not supported.
    public var operations: [ATSOperation: ATSSupport]

    /// Creates a capability description.
    public init(
        provider: ATSProvider,
        noteFormat: NoteFormat,
        hasNativeCandidates: Bool,
        timestampsAreLocalTime: Bool,
        operations: [ATSOperation: ATSSupport]
    ) {
        self.provider = provider
        self.noteFormat = noteFormat
        self.hasNativeCandidates = hasNativeCandidates
        self.timestampsAreLocalTime = timestampsAreLocalTime
        self.operations = operations
    }

    /// The support level of an operation.
    /// - Parameter operation: The operation to look up.
    /// - Returns: Its level; ``ATSSupport/notSupported(_:)`` when the provider does not list it.
    public func support(for operation: ATSOperation) -> ATSSupport {
        operations[operation] ?? .notSupported("\(provider) does not list this operation.")
    }

    /// Whether the provider can list rejection (disposition) reasons.
    public var supportsDispositionReasons: Bool { support(for: .dispositionReasons).isAvailable }

    /// Whether the provider can list every stage of its workflow.
    public var supportsStageEnumeration: Bool { support(for: .allApplicationStages).isAvailable }

    /// The error an unsupported operation throws, or nil when the operation is available.
    /// - Parameter operation: The operation about to be called.
    /// - Returns: An ``ATSError`` with code ``ATSError/Code/notSupported`` naming the operation,
    ///   the provider and the reason; nil when the operation can be called.
    public func unsupportedError(for operation: ATSOperation) -> ATSError? {
        guard case .notSupported(let reason) = support(for: operation) else { return nil }
        return .notSupported(operation, provider: provider, reason: reason)
    }
}
