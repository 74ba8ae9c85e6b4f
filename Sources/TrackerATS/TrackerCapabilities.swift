public import ATSCore

extension ATSCapabilities {
    /// What ATSKit can do with Tracker, and why not where it cannot.
    ///
    /// The two gaps are Tracker's, not ATSKit's: its API has no endpoint listing rejection
    /// reasons and none listing the applicant statuses (stages) an account has configured.
    public static let tracker = ATSCapabilities(
        provider: .tracker,
        noteFormat: .plain,
        hasNativeCandidates: false,
        timestampsAreLocalTime: true,
        operations: [
            .streamJobs: .supported,
            .streamApplications: .supported,
            .streamCandidates: .limited("Candidates are derived from applications by normalised e-mail address."),
            .application: .supported,
            .moveToStage: .limited(
                "Stages are status names known from configuration or seen in data; moves run as set_app_status "
                    + "actions, which ATSKit can await and verify by reading back."),
            .dispositionReasons: .notSupported(
                "Tracker's API has no endpoint that lists rejection reasons; reject with a status instead."),
            .rejectApplication: .limited(
                "Rejection sets the configured rejection status; a reason can only be kept as a note."),
            .bulkRejectApplications: .limited(
                "One status update per application, bounded by the rate limit; reasons kept as notes."),
            .createApplication: .limited(
                "Returns the existing application when the same e-mail already applied to the job."),
            .markAsHired: .limited(
                "Runs as mark_as_hired and un_mark_as_hired actions, which ATSKit can await and verify by "
                    + "reading back hired_at and start_date."),
            .allApplicationStages: .notSupported(
                "Tracker's API has no endpoint that lists applicant statuses; configure the known stages."),
            .job: .supported,
            .enhancedJob: .supported,
            .batchJobs: .supported,
            .candidate: .limited("Derived from applications; the id is ATSKit's, not Tracker's."),
            .findCandidates: .supported,
            .resume: .supported,
            .applicationNotes: .supported,
            .candidateNotes: .limited("The notes of the candidate's applications; Tracker has no candidate notes."),
            .addApplicationNote: .limited("Notes are plain text: HTML and Markdown are converted to readable text."),
            .addCandidateNote: .limited(
                "Added to the candidate's latest application, or to all of them; Tracker has no candidate notes."),
            .applicationAttachments: .supported,
            .candidateAttachments: .limited("The files of the candidate's applications."),
            .downloadAttachment: .supported,
            .uploadAttachment: .limited(
                "Streamed as base64 inside JSON: size and type are checked first (default limit 10 MiB)."),
            .deleteAttachment: .supported,
            .customFieldDefinitions: .limited(
                "Application and job schemas; candidates have the application schema (Tracker has no candidate "
                    + "fields)."),
            .applicationCustomFields: .supported,
            .candidateCustomFields: .limited("The application fields of the candidate's latest application."),
            .jobCustomFields: .supported,
            .setApplicationCustomFields: .supported,
            .setCandidateCustomFields: .limited("Written to the candidate's latest application."),
            .setJobCustomFields: .notSupported("Tracker's API has no endpoint that edits a job."),
            .workflowActions: .limited("Actions run asynchronously; ATSKit can wait and verify by reading back."),
            .workflowTriggers: .supported,
        ]
    )
}
