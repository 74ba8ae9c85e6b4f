public import ATSCore

extension ATSProvider {
    /// Tracker RMS (tracker-rms.com), a recruitment CRM for staffing agencies, through its widget API.
    public static let trackerRMS = ATSProvider(rawValue: "tracker-rms")
}

extension ATSCapabilities {
    /// What ATSKit can do with Tracker RMS by default (placements list cross-checked on complete
    /// reads, no REST token): the column `ats coverage` shows.
    public static let trackerRMS = ATSCapabilities.trackerRMS(
        placementListing: .crossCheckedOnCompleteReads, hasRESTToken: false)

    /// What ATSKit can do with Tracker RMS, and why not where it cannot.
    /// - Parameters:
    ///   - placementListing: How far the placements list is trusted.
    ///   - hasRESTToken: Whether a REST API token is configured (document listing and download).
    /// - Returns: The capabilities.
    public static func trackerRMS(
        placementListing: TrackerRMSATSClient.PlacementListing, hasRESTToken: Bool
    ) -> ATSCapabilities {
        let noREST =
            "Tracker RMS's widget API cannot list or fetch documents; its REST API can, with a REST token "
            + "(Tracker → Tools & Settings → Security Settings → API; TRACKER_RMS_REST_TOKEN)."
        let files: ATSSupport =
            hasRESTToken
            ? .limited("Documents belong to the resource: an application's files are its candidate's.")
            : .notSupported(noREST)
        let download: ATSSupport = hasRESTToken ? .limited("Through Tracker RMS's REST API.") : .notSupported(noREST)
        let applicationsStream: ATSSupport
        switch placementListing {
        case .complete: applicationsStream = .supported
        case .crossCheckedOnCompleteReads:
            applicationsStream = .limited(
                "Tracker RMS lists only Working, Offer and Complete placements: complete reads also read every "
                    + "job's placements (one request per job), incremental reads see earlier stages only at the "
                    + "next complete read.")
        case .listOnly:
            applicationsStream = .limited(
                "Tracker RMS lists only Working, Offer and Complete placements: applied, shortlisted and "
                    + "interviewing applications may be missing.")
        }
        return ATSCapabilities(
            provider: .trackerRMS,
            noteFormat: .plain,
            hasNativeCandidates: true,
            timestampsAreLocalTime: true,
            operations: [
                .streamJobs: .supported,
                .streamApplications: applicationsStream,
                .streamCandidates: .limited(
                    "Resources changed since the moment; their applications come from one scan of the placements."),
                .application: .supported,
                .moveToStage: .limited(
                    "Moves set the placement status by id (names from the account's settings) and are confirmed by "
                        + "reading back."),
                .dispositionReasons: .notSupported(
                    "Tracker RMS has no rejection reasons; a reason can only be kept as a note."),
                .rejectApplication: .limited(
                    "Rejection moves to the configured rejection status; a reason can only be kept as a note; "
                        + "placements cannot be archived."),
                .bulkRejectApplications: .limited(
                    "One status update per application, journaled and resumable; reasons kept as notes."),
                .createApplication: .limited(
                    "Finds or creates the resource by normalised e-mail; the first status is the account's "
                        + "default Applied status."),
                .markAsHired: .notSupported(
                    "Tracker RMS has no hire action; move the placement to a Working or Complete status instead."),
                .allApplicationStages: .supported,
                .job: .supported,
                .enhancedJob: .limited("The category is the work type; counts come from the job's placements."),
                .batchJobs: .supported,
                .candidate: .supported,
                .findCandidates: .limited(
                    "Tracker RMS searches names only: e-mail and phone are compared on the client, which may read "
                        + "every resource."),
                .resume: hasRESTToken ? .limited("Through Tracker RMS's REST API.") : .notSupported(noREST),
                .applicationNotes: .limited(
                    "Activities tied to the placement, read by scanning activities (Tracker RMS cannot filter them)."),
                .candidateNotes: .limited(
                    "Activities tied to one of the resource's placements; notes on the resource alone are not listed."),
                .addApplicationNote: .limited(
                    "A Note activity on the resource, tied to the placement; HTML and Markdown become plain text."),
                .addCandidateNote: .limited("A Note activity on the resource, tied to its latest or every placement."),
                .applicationAttachments: files,
                .candidateAttachments: files,
                .downloadAttachment: download,
                .uploadAttachment: .limited(
                    "Attached to the application's resource, base64 in JSON, at most 10 MB; a lost answer is "
                        + "reported as outcome unknown, never sent twice."),
                .deleteAttachment: .notSupported("Tracker RMS's API has no operation that deletes a document."),
                .customFieldDefinitions: .supported,
                .applicationCustomFields: .limited("Only where the account defines placement custom fields."),
                .candidateCustomFields: .supported,
                .jobCustomFields: .supported,
                .setApplicationCustomFields: .limited("Only where the account defines placement custom fields."),
                .setCandidateCustomFields: .supported,
                .setJobCustomFields: .supported,
                .workflowActions: .notSupported("Tracker RMS's API has no workflow actions."),
                .workflowTriggers: .notSupported("Tracker RMS's API has no triggers or webhooks; sync polls."),
            ]
        )
    }
}
