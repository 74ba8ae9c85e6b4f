extension StreamSchema {
    /// Jobs.
    public static let jobs = StreamSchema(
        stream: .jobs,
        columns: [
            Column("title", .text, "The job's title."),
            Column("status", .text, "`open`, `closed` or `archived`."),
            Column("is_hidden", .boolean, "Hidden from the public job board while open."),
            Column("category", .text, "The job's category."),
            Column("code", .text, "The job's reference code."),
            Column("city", .text, "City."),
            Column("state", .text, "State or region."),
            Column("country", .text, "Country."),
            Column("is_remote", .boolean, "Whether the job can be done remotely."),
            Column("url", .text, "Public link to the job."),
            Column("custom_fields", .json, "Custom field values by field name."),
            Column("created_at", .timestamp, "When the job was created."),
        ],
        indexedColumns: ["status"]
    )

    /// Applications.
    public static let applications = StreamSchema(
        stream: .applications,
        columns: [
            Column("job_id", .text, "The job applied to (`jobs.id`)."),
            Column("candidate_id", .text, "The person (`candidates.id`), derived from the normalised e-mail."),
            Column("first_name", .text, "Given name."),
            Column("last_name", .text, "Family name."),
            Column("email", .text, "E-mail address as entered."),
            Column("phone", .text, "Phone number as entered."),
            Column("stage", .text, "The current status (stage) name."),
            Column("is_archived", .boolean, "Whether the application is archived."),
            Column("source", .text, "Where the application came from."),
            Column("tags", .json, "Tags, a JSON array of strings."),
            Column("rating", .real, "The recruiter's rating."),
            Column("custom_fields", .json, "Custom field values by field name."),
            Column("applied_at", .timestamp, "When the person applied."),
            Column("created_at", .timestamp, "When the record was created."),
            Column("hired_at", .timestamp, "When the applicant was marked as hired; null unless hired."),
            Column("start_date", .text, "The hired applicant's start date, a calendar date as Tracker gives it."),
        ],
        indexedColumns: ["job_id", "candidate_id", "stage"]
    )

    /// Candidates (derived from applications for Tracker).
    public static let candidates = StreamSchema(
        stream: .candidates,
        columns: [
            Column("first_name", .text, "Given name, from the latest application."),
            Column("last_name", .text, "Family name, from the latest application."),
            Column("email", .text, "E-mail address, from the latest application."),
            Column("phone", .text, "Phone number, from the latest application."),
            Column("application_ids", .json, "The person's applications, a JSON array of ids."),
            Column("created_at", .timestamp, "When the person first applied."),
        ],
        indexedColumns: ["email"]
    )

    /// Notes.
    public static let notes = StreamSchema(
        stream: .notes,
        columns: [
            Column("application_id", .text, "The application the note is on."),
            Column("job_id", .text, "That application's job."),
            Column("author", .text, "Who wrote the note."),
            Column("body", .text, "The note's plain text."),
            Column("created_at", .timestamp, "When it was written."),
        ],
        indexedColumns: ["application_id"]
    )

    /// Files: resumes and attachments (their metadata; the bytes stay with the provider).
    public static let files = StreamSchema(
        stream: .files,
        columns: [
            Column("application_id", .text, "The application the file belongs to."),
            Column("filename", .text, "The file's name as uploaded."),
            Column("kind", .text, "`resume` or `attachment`."),
            Column("content_type", .text, "The MIME type."),
            Column("size", .integer, "Size in bytes."),
            Column("created_at", .timestamp, "When the file was added."),
        ],
        indexedColumns: ["application_id"]
    )

    /// Custom field definitions.
    public static let customFieldSchemas = StreamSchema(
        stream: .customFieldSchemas,
        columns: [
            Column("owner", .text, "`application`, `candidate` or `job`."),
            Column("name", .text, "The field's key."),
            Column("display_name", .text, "The label recruiters see."),
            Column("type", .text, "The neutral type: text, long_text, integer, decimal, boolean, single_select."),
            Column("is_required", .boolean, "Whether a value is required."),
            Column("options", .json, "Allowed values of a select, a JSON array."),
        ]
    )

    /// Every stream's schema, in the order a sync runs them.
    public static let all: [StreamSchema] = [.jobs, .customFieldSchemas, .applications, .candidates, .notes, .files]
}
