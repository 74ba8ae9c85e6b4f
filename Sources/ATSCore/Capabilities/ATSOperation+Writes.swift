extension ATSOperation {
    /// Add a note to an application.
    public static let addApplicationNote = ATSOperation(
        "addApplicationNote", group: .notesAndAttachments, title: "Add application note")
    /// Add a note to a candidate (their latest application, or all of them).
    public static let addCandidateNote = ATSOperation(
        "addCandidateNote", group: .notesAndAttachments, title: "Add candidate note")
    /// Upload a file (an attachment or a resume) to an application.
    public static let uploadAttachment = ATSOperation(
        "uploadAttachment", group: .notesAndAttachments, title: "Upload attachment or resume")
    /// Delete a file of an application.
    public static let deleteAttachment = ATSOperation(
        "deleteAttachment", group: .notesAndAttachments, title: "Delete attachment")

    /// Write an application's custom-field values.
    public static let setApplicationCustomFields = ATSOperation(
        "setApplicationCustomFields", group: .customFields, title: "Set application custom fields")
    /// Write a candidate's custom-field values.
    public static let setCandidateCustomFields = ATSOperation(
        "setCandidateCustomFields", group: .customFields, title: "Set candidate custom fields")
    /// Write a job's custom-field values.
    public static let setJobCustomFields = ATSOperation(
        "setJobCustomFields", group: .customFields, title: "Set job custom fields")
}
