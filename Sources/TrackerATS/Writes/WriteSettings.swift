extension TrackerATSClient {
    /// How a ``TrackerATSClient`` writes: which status means "rejected", how it waits for Tracker's
    /// asynchronous actions, and which uploads it lets through.
    public struct WriteSettings: Sendable, Hashable {
        /// The applicant status that means "rejected" ("Workflow → Applicant Status" in Tracker).
        /// Default nil: the one status of the account that reads like a rejection ("Not Selected" in
        /// Tracker's default workflow, "Rejected", "Declined"…), see
        /// ``TrackerATSClient/resolvedRejectionStatus(for:)``.
        public var rejectionStatus: String?
        /// The first wait between two polls of a pending action (default 0.5 s).
        public var pollInterval: Duration
        /// The longest wait between two polls; each wait is 1.5 times the previous (default 5 s).
        public var maximumPollInterval: Duration
        /// How long a write whose answer was lost is left to show its effect before it is sent
        /// again (bulk rejections only). Tracker runs actions asynchronously, so a lost action may
        /// still run: sending again sooner could act twice. Default 10 minutes.
        public var inDoubtSettleTime: Duration
        /// The largest file an upload accepts, in bytes (default 10 MiB: Tracker's JSON upload
        /// carries the bytes as base64, a third larger).
        public var maximumUploadBytes: Int
        /// The content types an upload accepts, by lowercased file extension.
        public var uploadContentTypes: [String: String]
        /// Below this many applications, a bulk rejection reads each one; from it on, it reads the
        /// application list, which takes one request per 5,000 applications (default 16).
        public var perRecordReadLimit: Int

        /// The file types Tracker shows to recruiters: documents, text and images.
        public static let defaultUploadContentTypes: [String: String] = [
            "pdf": "application/pdf",
            "doc": "application/msword",
            "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "odt": "application/vnd.oasis.opendocument.text",
            "rtf": "application/rtf",
            "txt": "text/plain",
            "png": "image/png",
            "jpg": "image/jpeg",
            "jpeg": "image/jpeg",
            "gif": "image/gif",
        ]

        /// Creates write settings; every parameter has the documented default.
        /// - Parameters:
        ///   - rejectionStatus: The status that means rejected (default: found among the account's).
        ///   - pollInterval: The first wait between polls.
        ///   - maximumPollInterval: The longest wait between polls.
        ///   - inDoubtSettleTime: How long a lost write is left to show its effect.
        ///   - maximumUploadBytes: The largest upload.
        ///   - uploadContentTypes: Accepted content types by extension.
        ///   - perRecordReadLimit: When bulk reads switch from single records to the list.
        public init(
            rejectionStatus: String? = nil,
            pollInterval: Duration = .milliseconds(500),
            maximumPollInterval: Duration = .seconds(5),
            inDoubtSettleTime: Duration = .seconds(600),
            maximumUploadBytes: Int = 10 << 20,
            uploadContentTypes: [String: String] = WriteSettings.defaultUploadContentTypes,
            perRecordReadLimit: Int = 16
        ) {
            self.rejectionStatus = rejectionStatus
            self.pollInterval = pollInterval
            self.maximumPollInterval = maximumPollInterval
            self.inDoubtSettleTime = inDoubtSettleTime
            self.maximumUploadBytes = maximumUploadBytes
            self.uploadContentTypes = uploadContentTypes
            self.perRecordReadLimit = perRecordReadLimit
        }
    }
}
