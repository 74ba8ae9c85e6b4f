extension ATSOperation {
    /// Stream jobs changed since a moment.
    public static let streamJobs = ATSOperation("streamJobs", group: .streaming, title: "Stream jobs")
    /// Stream applications changed since a moment.
    public static let streamApplications = ATSOperation(
        "streamApplications", group: .streaming, title: "Stream applications")
    /// Stream candidates changed since a moment.
    public static let streamCandidates = ATSOperation(
        "streamCandidates", group: .streaming, title: "Stream candidates")

    /// Move an application to another stage.
    public static let moveToStage = ATSOperation("moveToStage", group: .applications, title: "Move to stage")
    /// List the provider's rejection (disposition) reasons.
    public static let dispositionReasons = ATSOperation(
        "dispositionReasons", group: .applications, title: "Get rejection reasons")
    /// Reject one application.
    public static let rejectApplication = ATSOperation(
        "rejectApplication", group: .applications, title: "Reject application")
    /// Reject many applications.
    public static let bulkRejectApplications = ATSOperation(
        "bulkRejectApplications", group: .applications, title: "Bulk reject applications")
    /// Create an application for a candidate on a job.
    public static let createApplication = ATSOperation(
        "createApplication", group: .applications, title: "Create application")
    /// Mark an applicant as hired (with hire and start dates), or undo it.
    public static let markAsHired = ATSOperation("markAsHired", group: .applications, title: "Mark as hired")
    /// Read one application.
    public static let application = ATSOperation("application", group: .applications, title: "Get application by id")
    /// List every stage of the workflow.
    public static let allApplicationStages = ATSOperation(
        "allApplicationStages", group: .applications, title: "Get all application stages")

    /// Read one job.
    public static let job = ATSOperation("job", group: .jobs, title: "Get job by id")
    /// Read one job with its custom fields, category and per-stage counts.
    public static let enhancedJob = ATSOperation("enhancedJob", group: .jobs, title: "Get enhanced job")
    /// Read many jobs by id.
    public static let batchJobs = ATSOperation("batchJobs", group: .jobs, title: "Batch job lookup")

    /// Read one candidate.
    public static let candidate = ATSOperation("candidate", group: .candidates, title: "Get candidate by id")
    /// Find candidates by name, e-mail or phone.
    public static let findCandidates = ATSOperation(
        "findCandidates", group: .candidates, title: "Find candidates by details")
    /// Read a candidate's resume.
    public static let resume = ATSOperation("resume", group: .candidates, title: "Get resume")

    /// Read the notes on applications.
    public static let applicationNotes = ATSOperation(
        "applicationNotes", group: .notesAndAttachments, title: "Application notes")
    /// Read the notes on candidates.
    public static let candidateNotes = ATSOperation(
        "candidateNotes", group: .notesAndAttachments, title: "Candidate notes")
    /// Read the files of applications.
    public static let applicationAttachments = ATSOperation(
        "applicationAttachments", group: .notesAndAttachments, title: "Application attachments")
    /// Read the files of candidates.
    public static let candidateAttachments = ATSOperation(
        "candidateAttachments", group: .notesAndAttachments, title: "Candidate attachments")

    /// Download a file's bytes.
    public static let downloadAttachment = ATSOperation(
        "downloadAttachment", group: .notesAndAttachments, title: "Download attachment")

    /// Read the custom-field definitions (the schema) of applications, candidates or jobs.
    public static let customFieldDefinitions = ATSOperation(
        "customFieldDefinitions", group: .customFields, title: "Custom field definitions")
    /// Read application custom fields.
    public static let applicationCustomFields = ATSOperation(
        "applicationCustomFields", group: .customFields, title: "Application custom fields")
    /// Read candidate custom fields.
    public static let candidateCustomFields = ATSOperation(
        "candidateCustomFields", group: .customFields, title: "Candidate custom fields")
    /// Read job custom fields.
    public static let jobCustomFields = ATSOperation(
        "jobCustomFields", group: .customFields, title: "Job custom fields")

    /// Run the provider's workflow actions and wait for them to execute.
    public static let workflowActions = ATSOperation(
        "workflowActions", group: .workflow, title: "Workflow actions")
    /// Create, list and delete workflow triggers.
    public static let workflowTriggers = ATSOperation(
        "workflowTriggers", group: .workflow, title: "Workflow triggers")

    /// Every operation this version knows, in matrix order.
    public static let all: [ATSOperation] = [
        .streamJobs, .streamApplications, .streamCandidates,
        .application, .moveToStage, .dispositionReasons, .rejectApplication, .bulkRejectApplications,
        .createApplication, .markAsHired, .allApplicationStages,
        .job, .enhancedJob, .batchJobs,
        .candidate, .findCandidates, .resume,
        .applicationNotes, .candidateNotes, .addApplicationNote, .addCandidateNote,
        .applicationAttachments, .candidateAttachments, .downloadAttachment, .uploadAttachment, .deleteAttachment,
        .customFieldDefinitions, .applicationCustomFields, .candidateCustomFields, .jobCustomFields,
        .setApplicationCustomFields, .setCandidateCustomFields, .setJobCustomFields,
        .workflowActions, .workflowTriggers,
    ]
}
