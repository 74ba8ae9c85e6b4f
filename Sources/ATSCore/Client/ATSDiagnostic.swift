/// Something a client noticed a provider's server doing differently from its documentation, and
/// compensated for. Clients report each one once through their logger and keep it in
/// ``ATSClient/diagnostics`` so that callers (and run reports) can show it.
public struct ATSDiagnostic: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The diagnostic's stable name.
    public let rawValue: String
    /// Creates a diagnostic from its stable name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The server returned records changed before the `updated_after` filter: the client filters
    /// them itself, so results are right, but every incremental read costs a full scan.
    public static let updatedAfterIgnored = ATSDiagnostic(rawValue: "updated_after_ignored")
    /// The server returned records of other jobs than the job filter asked for; the client filters
    /// them itself.
    public static let jobFilterIgnored = ATSDiagnostic(rawValue: "job_filter_ignored")

    /// The stable name.
    public var description: String { rawValue }
}
