public import Logging
public import WorkableAPI

extension WorkableATSClient {
    /// The settings of a ``WorkableATSClient`` (the connection itself is the `WorkableAPI`'s).
    ///
    /// `description` never shows the candidate-id secret.
    public struct Settings: Sendable, CustomStringConvertible {
        /// The member moves, disqualifications, reverts and comments are recorded against
        /// (`--member-id`, `WORKABLE_MEMBER_ID`). `nil` uses the contract's default: the first active
        /// member with the `admin` role, in `GET /members` order (``WorkableATSClient/writeMember()``
        /// says which one was used).
        public var memberID: WorkableMemberID?
        /// The key of candidate ids (see ``WorkableCandidateIdentity``); `nil` derives one from the
        /// token and the base URL. Keep it out of any database the ids are stored in.
        public var candidateIDSecret: [UInt8]?
        /// How many changed people an incremental candidate read looks up one by one (by e-mail)
        /// before it reads every record instead.
        public var candidateLookupLimit: Int
        /// How many jobs a batch lookup reads at once by default.
        public var batchConcurrency: Int
        /// The logger; silent by default.
        public var logger: Logger

        /// Creates settings; every parameter has the documented default.
        /// - Parameters:
        ///   - memberID: The member writes are recorded against (default: the first active admin).
        ///   - candidateIDSecret: The candidate-id key (default derived from the token).
        ///   - candidateLookupLimit: Changed people looked up by e-mail before a full read (default 20).
        ///   - batchConcurrency: Concurrent lookups of a batch (default 2: the limit is per token).
        ///   - logger: The logger (default silent).
        public init(
            memberID: WorkableMemberID? = nil,
            candidateIDSecret: [UInt8]? = nil,
            candidateLookupLimit: Int = 20,
            batchConcurrency: Int = 2,
            logger: Logger = WorkableAPI.loggingDisabled
        ) {
            self.memberID = memberID
            self.candidateIDSecret = candidateIDSecret
            self.candidateLookupLimit = candidateLookupLimit
            self.batchConcurrency = batchConcurrency
            self.logger = logger
        }

        /// The settings with the secret hidden.
        public var description: String {
            "WorkableATSClient.Settings(memberID: \(memberID?.rawValue ?? "first active admin"), "
                + "candidateIDSecret: \(candidateIDSecret == nil ? "derived" : "<redacted>"), "
                + "candidateLookupLimit: \(candidateLookupLimit), batchConcurrency: \(batchConcurrency))"
        }
    }
}
