public import Logging
public import TrackerAPI

extension TrackerATSClient {
    /// The settings of a ``TrackerATSClient`` (the connection itself is the `TrackerAPI`'s).
    ///
    /// `description` never shows the candidate-id secret.
    public struct Configuration: Sendable, CustomStringConvertible {
        /// The account's applicant status names as configured in Tracker ("Workflow → Applicant
        /// Status"), since the API cannot list them. Statuses seen in data are added to them.
        public var knownStatuses: [String]
        /// How far incremental reads look back before the caller's bound.
        public var lookBack: TrackerLookBack
        /// The key of candidate ids (see ``CandidateIdentity``); nil derives one from the API key.
        /// Keep it out of any database the ids are stored in.
        public var candidateIDSecret: [UInt8]?
        /// How long cached metadata (categories, workflow, schemas) is used.
        public var metadataTimeToLive: Duration
        /// The shortest time between two schema reloads caused by unknown custom-field keys.
        public var metadataMissRefreshInterval: Duration
        /// How many jobs a batch lookup reads at once by default.
        public var batchConcurrency: Int
        /// The logger; silent by default. Diagnostics are logged once each, at `info`.
        public var logger: Logger
        /// How writes behave: the rejection status, waits, upload limits.
        public var writes: WriteSettings

        /// Creates settings; every parameter has the documented default.
        /// - Parameters:
        ///   - knownStatuses: The account's status names (default none).
        ///   - lookBack: The incremental look-back (default ``TrackerLookBack/automatic``).
        ///   - candidateIDSecret: The candidate-id key (default derived from the API key).
        ///   - metadataTimeToLive: The metadata time to live (default 15 minutes).
        ///   - metadataMissRefreshInterval: The minimum time between miss reloads (default 1 minute).
        ///   - batchConcurrency: Concurrent lookups of a batch (default 4).
        ///   - logger: The logger (default silent).
        ///   - writes: How writes behave (default `WriteSettings()`).
        public init(
            knownStatuses: [String] = [],
            lookBack: TrackerLookBack = .automatic,
            candidateIDSecret: [UInt8]? = nil,
            metadataTimeToLive: Duration = .seconds(15 * 60),
            metadataMissRefreshInterval: Duration = .seconds(60),
            batchConcurrency: Int = 4,
            logger: Logger = TrackerAPI.loggingDisabled,
            writes: WriteSettings = WriteSettings()
        ) {
            self.knownStatuses = knownStatuses
            self.lookBack = lookBack
            self.candidateIDSecret = candidateIDSecret
            self.metadataTimeToLive = metadataTimeToLive
            self.metadataMissRefreshInterval = metadataMissRefreshInterval
            self.batchConcurrency = batchConcurrency
            self.logger = logger
            self.writes = writes
        }

        /// The settings with the secret hidden.
        public var description: String {
            "TrackerATSClient.Configuration(knownStatuses: \(knownStatuses), lookBack: \(lookBack), "
                + "candidateIDSecret: \(candidateIDSecret == nil ? "derived" : "<redacted>"), "
                + "metadataTimeToLive: \(metadataTimeToLive), batchConcurrency: \(batchConcurrency), "
                + "rejectionStatus: \(writes.rejectionStatus ?? "found among the account's statuses"))"
        }
    }
}
