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
    ///
    /// A provider lists the operations its client implements; every operation it leaves out is
    /// ``ATSSupport/notSupported(_:)``, which is what ``ATSClient``'s default implementations throw.
    /// To give the reason a person sees for an operation the provider cannot do, list it as
    /// `.notSupported("why")`.
    /// - Parameters:
    ///   - provider: The provider's stable name.
    ///   - noteFormat: How the provider stores note text.
    ///   - hasNativeCandidates: Whether candidates are a resource of the provider.
    ///   - timestampsAreLocalTime: Whether record timestamps come without an offset.
    ///   - operations: The support level of each operation the provider lists.
    public init(
        provider: ATSProvider,
        noteFormat: NoteFormat = .plain,
        hasNativeCandidates: Bool = true,
        timestampsAreLocalTime: Bool = false,
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
        operations[operation] ?? .notSupported(Self.unlistedReason(provider))
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

    /// The error an operation throws when the provider's client does not implement it (the
    /// default implementations of ``ATSClient``): the listed reason when the provider lists the
    /// operation as not supported, or the reason for an operation it does not list.
    ///
    /// When the provider lists the operation as available, the client claims more than it does;
    /// the error then says so, so that the mismatch is found rather than hidden.
    /// - Parameter operation: The operation that was called.
    /// - Returns: An ``ATSError`` with code ``ATSError/Code/notSupported``.
    public func refusal(for operation: ATSOperation) -> ATSError {
        if let error = unsupportedError(for: operation) { return error }
        return .notSupported(
            operation, provider: provider,
            reason: "\(provider) lists this operation as available, but its client does not implement it; "
                + "this is a defect of the \(provider) provider module.")
    }

    /// The reason given for an operation a provider does not list.
    static func unlistedReason(_ provider: ATSProvider) -> String {
        "ATSKit's \(provider) client does not implement this operation."
    }
}
