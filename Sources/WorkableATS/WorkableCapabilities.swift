public import ATSCore

extension ATSProvider {
    /// Workable (SPI v3, `https://{subdomain}.workable.com/spi/v3`).
    public static let workable = ATSProvider(rawValue: "workable")
}

extension ATSCapabilities {
    /// What ATSKit can do with Workable, and why not where it cannot.
    ///
    /// Workable has stage and rejection-reason lists, so both are enumerable; its gaps are files
    /// (no v3 endpoint adds or deletes one on an existing candidate) and jobs (read-only in v3).
    public static let workable = ATSCapabilities(
        provider: .workable,
        noteFormat: .plain,
        hasNativeCandidates: false,
        timestampsAreLocalTime: false,
        operations: [
            .streamJobs: .supported,
            .streamApplications: .limited(
                "One Workable candidate record per person and job; custom attribute values come only with "
                    + "`application(_:)` (the list does not carry them)."),
            .streamCandidates: .limited(
                "People are Workable records grouped by normalised e-mail; an incremental read looks up each "
                    + "changed person by e-mail."),
            .application: .supported,
            .moveToStage: .limited(
                "Moves name a member (configured, or the first active admin); the stage is a slug or a name "
                    + "of the job's pipeline."),
            .dispositionReasons: .supported,
            .rejectApplication: .limited(
                "Rejection is Workable's disqualification, recorded against a member; a reason matching one of "
                    + "the account's reasons is sent by id, other text as the free-text reason."),
            .bulkRejectApplications: .limited(
                "Workable has no bulk endpoint: one paced disqualification per application, journaled."),
            .createApplication: .limited(
                "Returns the existing record when the same normalised e-mail is already in the job; a resume "
                    + "cannot be uploaded with it (no v3 file upload)."),
            .markAsHired: .notSupported(
                "Workable's API has no hire endpoint with dates; move the candidate to the job's hired stage."),
            .allApplicationStages: .supported,
            .job: .supported,
            .enhancedJob: .limited(
                "Counts per stage come from reading the job's candidates (one request per 100); Workable jobs "
                    + "have no custom fields in v3."),
            .batchJobs: .supported,
            .candidate: .limited("Derived from Workable records by normalised e-mail; the id is ATSKit's."),
            .findCandidates: .limited(
                "An e-mail is looked up with Workable's e-mail filter; a phone or a name reads every record."),
            .resume: .supported,
            .applicationNotes: .limited("Comments, read from the candidate's activities (one request per 100)."),
            .candidateNotes: .limited("The comments of every record of the person."),
            .addApplicationNote: .limited(
                "Comments are plain text recorded against a member: HTML is converted to readable text."),
            .addCandidateNote: .limited("Added to the person's latest record, or to all of them."),
            .applicationAttachments: .supported,
            .candidateAttachments: .limited("The files of every record of the person."),
            .downloadAttachment: .limited(
                "Streamed from a pre-signed URL fetched afresh (never stored, never sent the token)."),
            .uploadAttachment: .notSupported(
                "Workable's SPI v3 has no endpoint that adds a file to an existing candidate."),
            .deleteAttachment: .notSupported("Workable's SPI v3 has no endpoint that deletes a candidate's file."),
            .customFieldDefinitions: .limited(
                "The account's custom attributes, for applications and candidates; jobs have none in v3."),
            .applicationCustomFields: .supported,
            .candidateCustomFields: .limited("The custom attributes of the person's latest record."),
            .jobCustomFields: .notSupported("Workable's SPI v3 has no custom fields on jobs."),
            .setApplicationCustomFields: .limited(
                "One request per attribute (`update_custom_attribute_value`); choices are given by their text."),
            .setCandidateCustomFields: .limited("Written to the person's latest record."),
            .setJobCustomFields: .notSupported("Workable's SPI v3 has no endpoint that edits a job."),
            .workflowActions: .notSupported("Workable has no workflow actions in its API."),
            .workflowTriggers: .notSupported(
                "Workable's subscriptions are webhooks, not triggers; use `WorkableAPI.subscriptions`."),
        ]
    )
}
