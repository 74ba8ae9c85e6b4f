/// How long a write waits, and for what, before it returns.
///
/// Some providers apply writes asynchronously (Tracker runs stage moves as workflow actions): the
/// provider accepts the write at once and applies it later. A caller chooses whether to return as
/// soon as the write is accepted, once the provider reports it applied, or once reading the record
/// back confirms it.
public struct ATSWaitPolicy: Sendable, Hashable {
    /// What to wait for.
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
        /// Return once the provider has accepted the write.
        case accepted
        /// Return once the provider reports that it has applied the write.
        case executed
        /// Return once the provider reports it applied and a read-back shows the change.
        case verified
    }

    /// What to wait for.
    public var level: Level
    /// The longest time to wait for it; passing it throws ``ATSError/Code/timedOut``.
    public var timeout: Duration

    /// Creates a wait policy.
    /// - Parameters:
    ///   - level: What to wait for.
    ///   - timeout: The longest time to wait (default one minute).
    public init(level: Level, timeout: Duration = .seconds(60)) {
        self.level = level
        self.timeout = timeout
    }

    /// Return as soon as the provider accepts the write.
    public static let accepted = ATSWaitPolicy(level: .accepted)
    /// Wait up to a minute for the provider to apply the write.
    public static let executed = ATSWaitPolicy(level: .executed)
    /// Wait up to a minute for the write to be applied and confirmed by reading back.
    public static let verified = ATSWaitPolicy(level: .verified)
}

/// How far a write has got when its call returns.
public enum ATSWriteState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Nothing was sent: the record was already as asked.
    case unchanged
    /// The provider accepted the write and will apply it later.
    case accepted
    /// The provider reports that it applied the write.
    case executed
    /// The provider applied the write and reading the record back shows it.
    case verified
}
