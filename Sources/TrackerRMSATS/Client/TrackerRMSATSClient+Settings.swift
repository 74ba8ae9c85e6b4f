public import Logging
public import TrackerRMSAPI

extension TrackerRMSATSClient {
    /// How far the placements list (`getRecords X`) can be trusted to name every placement.
    ///
    /// The vendor's lesson says a live account lists only placements in a Working, Offer or Complete
    /// state: applied, shortlisted and interviewing placements would be missing from the stream. The
    /// jobs' `Placements` lists (`getIndividualRecord O`) name every placement, at one request per job.
    public enum PlacementListing: String, Sendable, Hashable, CaseIterable {
        /// The list names every placement whatever its status (checked on this account, or a sandbox
        /// without the filter): streams read the list only.
        case complete
        /// Complete reads (no `updatedAfter`) also walk every job's `Placements` list and read the
        /// placements the list hid one by one, so full scans — and the mirror's deletion checks — are
        /// complete; incremental reads see early-stage changes only at the next complete read.
        case crossCheckedOnCompleteReads = "cross-checked"
        /// The list only: early-stage placements may be missing from every stream; capabilities and
        /// streams say so.
        case listOnly = "list-only"
    }

    /// This client's settings. The account's time zone is the wire configuration's
    /// (`TrackerRMSClient.Configuration.accountTimeZone`), since the wire library reads and writes
    /// every naive date-time.
    public struct Settings: Sendable {
        /// The status that means "rejected", by name or id; nil takes the first status of the
        /// rejection group (`Unsuccessful`, else `Rejected`) from the account's settings.
        public var rejectionStatus: String?
        /// Stages to use when the account does not expose its placement statuses (`--known-stage
        /// NAME=ID`); when it does, these are added to (never replace) the account's.
        public var knownStages: [RMSStatus]
        /// How far the placements list can be trusted (default: cross-checked on complete reads, as a
        /// live account's list hides early stages).
        public var placementListing: PlacementListing
        /// How long the account's settings are cached before they are read again.
        public var metadataTimeToLive: Duration
        /// How many requests run at once in batch lookups and bulk rejections by default.
        public var maximumConcurrency: Int
        /// The subject of notes written by ATSKit (the activity's `subject`).
        public var noteSubject: String
        /// The logger; the client logs at `info` and below and never a secret.
        public var logger: Logger

        /// Creates settings.
        /// - Parameters:
        ///   - rejectionStatus: The rejection status's name or id (default: the rejection group's first).
        ///   - knownStages: Stages known by configuration.
        ///   - placementListing: How far the placements list can be trusted.
        ///   - metadataTimeToLive: The settings cache's lifetime (default 15 minutes).
        ///   - logger: The logger.
        public init(
            rejectionStatus: String? = nil,
            knownStages: [RMSStatus] = [],
            placementListing: PlacementListing = .crossCheckedOnCompleteReads,
            metadataTimeToLive: Duration = .seconds(900),
            logger: Logger = TrackerRMSClient.loggingDisabled
        ) {
            self.rejectionStatus = rejectionStatus
            self.knownStages = knownStages
            self.placementListing = placementListing
            self.metadataTimeToLive = metadataTimeToLive
            self.maximumConcurrency = 4
            self.noteSubject = "Note"
            self.logger = logger
        }
    }
}
