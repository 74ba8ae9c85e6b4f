/// A request to create an application for a person on a job.
///
/// If the same person (same normalised e-mail address: case and surrounding spaces ignored)
/// already applied to the job, the existing application is returned and nothing is created.
public struct ApplicationCreationRequest: Sendable, Hashable {
    /// Who applies.
    public enum Applicant: Sendable, Hashable {
        /// A person given by their details; first name, last name and e-mail are required.
        case details(CandidateDetails)
        /// A known candidate, whose details are copied from their latest application.
        case candidate(CandidateID)
    }

    /// The job applied to.
    public var job: JobID
    /// Who applies.
    public var applicant: Applicant
    /// Where the application came from (job board, referral …).
    public var source: String?
    /// Custom field values, checked against the application schema before anything is sent.
    public var customFields: [String: CustomFieldValue]
    /// A resume to attach once the application exists.
    public var resume: AttachmentUpload?

    /// Creates a request.
    /// - Parameters:
    ///   - job: The job.
    ///   - applicant: Who applies.
    ///   - source: The source.
    ///   - customFields: Custom field values.
    ///   - resume: A resume to attach.
    public init(
        job: JobID,
        applicant: Applicant,
        source: String? = nil,
        customFields: [String: CustomFieldValue] = [:],
        resume: AttachmentUpload? = nil
    ) {
        self.job = job
        self.applicant = applicant
        self.source = source
        self.customFields = customFields
        self.resume = resume
    }
}

/// What creating an application did.
public struct ApplicationCreationResult: Sendable, Hashable {
    /// The application: the new one, or the one the person already had on the job.
    public var application: Application
    /// Whether it was created by this call (false: it already existed and nothing was sent).
    public var wasCreated: Bool
    /// The resume attached by this call, if one was given and the application was created.
    public var resume: Attachment?
    /// What went wrong after the application was created (for example, the resume upload
    /// failed); the application exists all the same.
    public var warning: String?

    /// Creates a result.
    /// - Parameters:
    ///   - application: The application.
    ///   - wasCreated: Whether this call created it.
    ///   - resume: The attached resume.
    ///   - warning: A problem after creation.
    public init(application: Application, wasCreated: Bool, resume: Attachment? = nil, warning: String? = nil) {
        self.application = application
        self.wasCreated = wasCreated
        self.resume = resume
        self.warning = warning
    }
}
